"""/docs and /redoc: served from this service, with an example for every operation."""

import re


def test_docs_need_no_network(client):
    """/docs and /redoc load their scripts and styles from this service, never from a CDN."""
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assets = re.findall(r"""(?:src|href)=["']?([^"' >]+\.(?:js|css|png))""", html)
        assert assets, page
        for asset in assets:
            assert asset.startswith("/"), f"{page} loads {asset} from another host"
            assert client.get(asset).status_code == 200, asset


def test_docs_show_an_example_for_every_operation(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert {"200", "201"} & set(operation["responses"]), (method, path)
            assert _has_example(operation, spec), (method, path)


def _has_example(operation: dict, spec: dict) -> bool:
    def resolve(schema: dict) -> dict:
        ref = schema.get("$ref", "")
        return spec["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else schema

    success = operation["responses"].get("200") or operation["responses"]["201"]
    contents = [*success.get("content", {}).values()]
    contents += operation.get("requestBody", {}).get("content", {}).values()
    return any("example" in c or "examples" in c or "examples" in resolve(c.get("schema", {})) for c in contents)

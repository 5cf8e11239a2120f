"""POST /v1/score/csv: a CSV of listings in, the table format out (the one `howey batch` writes)."""

import csv
import io

import pytest

from app.core.data.table import COLUMNS
from tests.helpers.api import SCORED_AT, upload
from tests.helpers.texts import COMMODITY_TEXT, SECURITY_TEXT


def test_csv_upload_scores_every_row_in_order(client):
    content = "\ufeffID,Symbol,Name,Text\nacme,ACME,Acme,\"" + SECURITY_TEXT + "\"\n,BTC,Bitcoin,\"" + COMMODITY_TEXT + "\"\n\n"
    response = upload(client, content.encode("utf-8"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(response.text))
    rows = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS
    assert [(r["id"], r["symbol"], r["name"]) for r in rows] == [("acme", "ACME", "Acme"), ("2", "BTC", "Bitcoin")]
    scored = client.post("/v1/score", json={"text": SECURITY_TEXT}).json()
    assert float(rows[0]["risk_score"]) == scored["risk_score"]
    assert rows[0]["risk_level"] == scored["risk_level"]
    for factor in scored["factors"]:
        prong = factor["prong"]
        assert float(rows[0][f"{prong}_score"]) == factor["score"]
        assert rows[0][f"{prong}_verdict"] == factor["verdict"]
        assert rows[0][f"{prong}_evidence"] == (factor["evidence"][0]["quote"] if factor["evidence"] else "")
    for row in rows:
        assert (row["model_version"], row["rulebook_version"]) == (scored["model_version"], scored["rulebook_version"])
        assert SCORED_AT.fullmatch(row["scored_at"])
    assert rows[0]["scored_at"] == rows[1]["scored_at"], "one upload, one scoring call"


def test_csv_cells_that_spreadsheets_would_run_are_defused(client):
    response = upload(client, b'text,symbol,name\n"We sold tokens for ETH.",=HYPERLINK("x"),@SUM(A1)\n')
    row = next(csv.DictReader(io.StringIO(response.text)))
    assert (row["symbol"], row["name"]) == ('\'=HYPERLINK("x")', "'@SUM(A1)")


def test_every_cell_is_defused_the_id_and_the_evidence_too(client):
    text = "@Acme sold tokens for ETH in a public token sale."  # the issuer's quote starts like a formula
    response = upload(client, ('id,text\n-1+1,"' + text + '"\n').encode())
    row = next(csv.DictReader(io.StringIO(response.text)))
    assert row["id"] == "'-1+1"
    assert row["investment_of_money_evidence"] == "'" + text


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (b"id,summary\n1,tokens\n", ["no 'text' column", "'summary'"]),
        (b"", ["file is empty"]),
        (b"text\n", ["no rows"]),
        (b"id,text\n1,caf\xe9\n", ["not UTF-8", "byte 0xe9 at offset 13"]),
        (b"id,text\n1,\n2,ok\n3,a,b\n", ['"line",2,"text"', "text is empty", '"line",4', "3 fields but the header has 2"]),
        (b"id,text\n1,\"" + b"x" * 100_001 + b"\"\n", ["100,001 characters, more than 100,000"]),
        (b"text\n" + b"ok\n" * 1001, ["more than 1000 rows"]),
        (b"text,Text\na,b\n", ["more than once"]),
    ],
)
def test_bad_csv_is_a_clear_422(client, content, fragments):
    response = upload(client, content)
    assert response.status_code == 422
    for fragment in fragments:
        assert fragment in response.text


def test_csv_must_come_as_a_file_field(client):
    assert client.post("/v1/score/csv", data={"file": "text\nok\n"}).status_code == 422
    assert client.post("/v1/score/csv", files={"upload": ("a.csv", b"text\nok\n")}).status_code == 422

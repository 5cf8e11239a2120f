import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_MODEL = ROOT / "model"
DATA = ROOT / "data" / "labeled_tokens.csv"
OUTPUT = ROOT / "test-output"

SECURITY_TEXT = (
    "Acme Labs sold ACME tokens in a public token sale for ETH, raising $20 million. "
    "Proceeds will fund development of the Acme network. Our team will build the marketplace "
    "and list ACME on major exchanges, and early buyers get a 30% bonus."
)
COMMODITY_TEXT = (
    "Bitcoin is a peer-to-peer electronic cash system with no central party. New coins are only "
    "created through proof-of-work mining, and the network is secured by a global community of "
    "independent miners. There was no premine and no token sale."
)


def fired_rules(text: str) -> dict[str, str]:
    """Rule id -> direction of every rule that fires on ``text``; every quote is checked to be
    exactly ``text[start:end]`` on the way."""
    from app.core.engine.rule_engine import RuleEngine

    fired = {}
    for evidence in _ENGINE.get(RuleEngine).evidence(text):
        assert text[evidence.start : evidence.end] == evidence.quote
        fired[evidence.rule_id] = evidence.direction.value
    return fired


class _Lazy(dict):
    def get(self, factory):
        if factory not in self:
            self[factory] = factory()
        return self[factory]


_ENGINE = _Lazy()


def check_truth_table(text: str, expected: dict[str, str], absent: tuple[str, ...] = ()) -> None:
    fired = fired_rules(text)
    for rule_id, direction in expected.items():
        assert fired.get(rule_id) == direction, f"{rule_id} should {direction} on {text!r}; fired: {fired}"
    for rule_id in absent:
        assert rule_id not in fired, f"{rule_id} must not fire on {text!r}"


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped model directory that a test may tamper with."""
    target = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL, target, ignore=shutil.ignore_patterns("versions"))
    return target


def set_model_version(model_dir: Path, version: str) -> None:
    """Give a model copy a new version: the artifact's hash does not cover the manifest's own fields."""
    manifest = json.loads((model_dir / "manifest.json").read_text())
    manifest["model_version"] = version
    (model_dir / "manifest.json").write_text(json.dumps(manifest))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """A real uvicorn process on a free loopback port."""

    def __init__(self, env: dict[str, str], workers: int = 1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = OUTPUT / f"uvicorn-{self.port}.log"
        OUTPUT.mkdir(exist_ok=True)
        self._log_handle = open(self.log, "wb")  # noqa: SIM115 - lives as long as the server
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(workers)],
            cwd=ROOT, env={**os.environ, **env}, stdout=self._log_handle, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited: {self.log.read_text()}")
            # Every worker up: a connection made while only one is would stay on that one.
            if self.log.read_text(errors="replace").count("Application startup complete.") >= workers:
                try:
                    if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"uvicorn did not start: {self.log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log_handle.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("live") / "audit.db"
    server = LiveServer({"HOWEY_MODEL_DIR": str(SHIPPED_MODEL), "HOWEY_DB": str(db), "HOWEY_API_KEY": "test-key"})
    yield server
    server.stop()

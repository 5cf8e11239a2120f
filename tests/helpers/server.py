"""A real uvicorn process on a free loopback port, for the end-to-end and browser tests."""

import os
import signal
import socket
import subprocess
import sys
import time

import httpx

from tests.helpers.paths import OUTPUT, ROOT


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
            start_new_session=True,  # its own process group, so ``kill`` takes the workers too
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

    def kill(self) -> None:
        """End the server and its workers at once, as a machine that dies would: no shutdown, no
        answers finished, connections cut."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=15)
        self._log_handle.close()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log_handle.close()


# The admin key the session-wide live_server fixture (tests/conftest.py) is started with.
LIVE_SERVER_KEY = "test-key"

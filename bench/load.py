"""Load on the real service: uvicorn with the workers the README recommends for 2 cores, driven
from a separate process by concurrent keep-alive clients on loopback for a bounded time. Measures
POST /v1/score (1,000-character listing texts) and, in the same run as the baseline, GET /healthz;
then checks that the audit log holds exactly one row per score received. Prints JSON.

``--db`` serves with another audit log (a SQLite path or a postgresql:// URL, as HOWEY_DB takes);
given more than once, each store is measured in turn and the figures are printed side by side.

The driver is a minimal HTTP/1.1 client on asyncio rather than httpx: it shares the 2 cores with
the server, and a lighter client leaves more of them to the server being measured.

    python bench/load.py [--seconds 10] [--clients 32] [--workers 2] [--db postgresql://... --db audit.db]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.store.database import database_target, is_postgres_url, open_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

RECOMMENDED_WORKERS = 2  # README: one uvicorn worker per core
WARMUP_SECONDS = 1.0
CONNECT_STAGGER_SECONDS = 0.01
STARTED = "Application startup complete."  # uvicorn logs it once per worker
TARGETS = {"score_vs_healthz_throughput": 0.30, "score_p99_ms": 100.0}
SIDE_BY_SIDE = ["requests_per_s", "p50_ms", "p99_ms", "errors", "server_cpu_ms_per_request", "lost_audit_rows"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="measured time per endpoint")
    parser.add_argument("--clients", type=int, default=32, help="concurrent keep-alive connections")
    parser.add_argument("--workers", type=int, default=RECOMMENDED_WORKERS, help="uvicorn worker processes")
    parser.add_argument("--db", action="append", help="HOWEY_DB to serve with (default: a fresh SQLite file); "
                        "repeat it to compare stores side by side")
    parser.add_argument("--drive", metavar="PORT", type=int, help=argparse.SUPPRESS)  # the driver process
    parser.add_argument("--pids", default="", help=argparse.SUPPRESS)  # the server's processes, for CPU time
    args = parser.parse_args()
    if args.drive:
        pids = [int(pid) for pid in args.pids.split(",") if pid]
        print(json.dumps(asyncio.run(drive(args.drive, args.clients, args.seconds, pids))))
    elif not args.db or len(args.db) == 1:
        print(json.dumps(run(args.seconds, args.clients, args.workers, (args.db or [None])[0]), indent=2))
    else:
        runs = [run(args.seconds, args.clients, args.workers, db) for db in args.db]
        side_by_side = {key: [r["score"][key] for r in runs] for key in SIDE_BY_SIDE}
        side_by_side["score_vs_healthz_throughput"] = [r["score_vs_healthz_throughput"] for r in runs]
        print(json.dumps({"benchmark": "load", "stores": [r["store"] for r in runs], "side_by_side": side_by_side,
                          "runs": runs}, indent=2))


# --- the server side: start uvicorn, run the driver process, read the audit log -------------------

def audit_row_count(db: Path | str) -> int:
    database = open_database(db)
    try:
        return database.read("SELECT COUNT(*) FROM scores")[0][0]
    finally:
        database.close()


def run(seconds: float, clients: int, workers: int, db: str | None = None) -> dict:
    load_before = os.getloadavg()[0]  # other work on the machine shares the same cores
    with tempfile.TemporaryDirectory(prefix="howey-load-") as scratch:
        db = database_target(db) if db else Path(scratch) / "audit.db"
        rows_before = audit_row_count(db)  # a shared database may hold rows already: count what this run adds
        port = free_loopback_port()
        command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--host", "127.0.0.1",
                   "--port", str(port), "--workers", str(workers)]
        env = {**os.environ, "HOWEY_DB": str(db), "HOWEY_MODEL_DIR": str(ROOT / "model")}
        log_path = Path(scratch) / "uvicorn.log"
        with open(log_path, "wb") as log:
            server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                wait_until_up(port, server, log_path, workers)
                pids = ",".join(str(pid) for pid in process_tree(server.pid))
                driver = subprocess.run([sys.executable, __file__, "--drive", str(port), "--clients", str(clients),
                                         "--seconds", str(seconds), "--pids", pids], cwd=ROOT, capture_output=True,
                                        text=True, timeout=4 * (seconds + WARMUP_SECONDS) + 120)
            finally:
                server.terminate()
                server.wait(timeout=30)
            if driver.returncode != 0:
                raise RuntimeError(f"the driver failed:\n{driver.stderr}")
        measured = json.loads(driver.stdout)
        audit_rows = audit_row_count(db) - rows_before
    health, score = measured["healthz"], measured["score"]
    score["audit_rows_written"] = audit_rows
    score["lost_audit_rows"] = score["scores_received"] - audit_rows
    ratio = round(score["requests_per_s"] / health["requests_per_s"], 3)
    cost_ratio = round(health["server_cpu_ms_per_request"] / score["server_cpu_ms_per_request"], 3)
    return {
        "benchmark": "load",
        "server": f"uvicorn --workers {workers} on 127.0.0.1 ({os.cpu_count()} cores shared with the driver)",
        "store": "postgresql" if is_postgres_url(db) else "sqlite",
        "load_average_before": round(load_before, 2),
        "clients": clients,
        "seconds_per_endpoint": seconds,
        "chars_per_text": 1000,
        "healthz": health,
        "score": score,
        "score_vs_healthz_throughput": ratio,
        # The same comparison from the server's CPU time per request, which other work on the
        # machine slows down less than it does the throughput: healthz cost / score cost.
        "score_vs_healthz_by_server_cpu": cost_ratio,
        "targets_met": {
            "zero_errors": health["errors"] == 0 and score["errors"] == 0,
            "zero_lost_audit_rows": score["lost_audit_rows"] == 0,
            "score_at_least_30pct_of_healthz": ratio >= TARGETS["score_vs_healthz_throughput"],
            "score_p99_under_100ms": score["p99_ms"] < TARGETS["score_p99_ms"],
        },
    }


def process_tree(root: int) -> list[int]:
    """``root`` and its descendants (uvicorn's supervisor and its workers), from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # exited meanwhile
        parents[int(stat.parent.name)] = int(fields[1])
    tree = [root]
    for pid in tree:
        tree += [child for child, parent in parents.items() if parent == pid]
    return tree


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def free_loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, log: Path, workers: int, timeout: float = 60.0) -> None:
    """Until every worker has started: connections made while only one is up would all stay on it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"uvicorn exited before it served:\n{log.read_text(errors='replace')}")
        if log.read_text(errors="replace").count(STARTED) >= workers:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                if sock.recv(64).startswith(b"HTTP/1.1 200"):
                    return
        time.sleep(0.2)
    raise RuntimeError(f"uvicorn's {workers} workers did not all start within {timeout} s")


# --- the driver process: concurrent keep-alive clients ---------------------------------------------

def request_bytes(method: str, path: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length = next(int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:"))
    return status, await reader.readexactly(length)


async def phase(port: int, requests: list[bytes], clients: int, seconds: float, count_items, pids: list[int]) -> dict:
    """``clients`` connections send ``requests`` round-robin: a warm-up, then ``seconds`` measured."""
    latencies: list[float] = []
    errors = 0
    scores_received = 0  # over the warm-up too: every score served has an audit row
    start = time.perf_counter()
    measure_from, stop_at = start + WARMUP_SECONDS, start + WARMUP_SECONDS + seconds

    async def client(number: int) -> None:
        nonlocal errors, scores_received
        # Connections opened in the same instant are all accepted by whichever worker wakes first, and
        # keep-alive keeps them there; clients that join over time spread over the workers.
        await asyncio.sleep(number * CONNECT_STAGGER_SECONDS)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        sent = number
        while (now := time.perf_counter()) < stop_at:
            try:
                writer.write(requests[sent % len(requests)])
                status, body = await read_response(reader)
            except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
                errors += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            sent += clients
            errors += status != 200
            if status == 200:
                scores_received += count_items(body)
            if now >= measure_from:
                latencies.append(time.perf_counter() - now)
        writer.close()

    async def server_cpu() -> float:
        await asyncio.sleep(measure_from - time.perf_counter())
        used = cpu_seconds(pids)
        await asyncio.sleep(stop_at - time.perf_counter())
        return cpu_seconds(pids) - used

    used, *_ = await asyncio.gather(server_cpu(), *(client(n) for n in range(clients)))
    latencies.sort()
    return {
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 2),
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)], 2),
        "errors": errors,
        "server_cpu_ms_per_request": round(1000 * used / len(latencies), 3),
        "scores_received": scores_received,
    }


async def drive(port: int, clients: int, seconds: float, pids: list[int]) -> dict:
    from _corpus import listing_texts

    health = await phase(port, [request_bytes("GET", "/healthz")], clients, seconds, lambda body: 0, pids)
    health.pop("scores_received")
    scores = [request_bytes("POST", "/v1/score", json.dumps({"text": text}).encode())
              for text in listing_texts(500, chars=1000)]
    return {"healthz": health, "score": await phase(port, scores, clients, seconds, lambda body: 1, pids)}


if __name__ == "__main__":
    main()

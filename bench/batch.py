"""Batch scoring throughput and memory.

Rows per second of `howey batch` (all cores) on 20,000 listings of ~1,000 characters, against the
bare classifier pipeline's predict_proba on the same texts in the same run (the baseline); then
the peak memory (RSS summed over the process tree) of `howey batch` on 10,000 rows and on
1,000,000 rows, which must stay flat. Prints JSON. `--million-rows N` changes the large run's size
(the memory check uses shorter texts so that it finishes in minutes)."""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import listing_texts  # noqa: E402

from app.core.services.batch import run_batch  # noqa: E402
from app.core.services.scoring import load_scorer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "model"


def write_listings(path: Path, texts: list[str], repeat_to: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "symbol", "name", "text"])
        for i in range(repeat_to):
            writer.writerow([f"row{i}", "TKN", "Token", texts[i % len(texts)]])


def tree_rss_kib(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            status = (entry / "status").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def peak_memory_of_batch(input_path: Path, output_path: Path) -> dict:
    command = [sys.executable, "-m", "app.cli", "batch", str(input_path), "-o", str(output_path)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "HOWEY_MODEL_DIR": str(MODEL)})
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        time.sleep(0.05)
    stderr = process.stderr.read().decode()
    if process.returncode:
        raise RuntimeError(stderr)
    return {"peak_rss_mib": round(peak / 1024, 1), "seconds": round(time.perf_counter() - started, 1), "summary": stderr.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--million-rows", type=int, default=1_000_000)
    parser.add_argument("--memory-chars", type=int, default=300)
    args = parser.parse_args()
    jobs = os.cpu_count() or 1
    texts = listing_texts(args.rows, chars=1000, seed=7)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        listings = tmp / "listings.csv"
        write_listings(listings, texts, len(texts))
        pipeline = load_scorer(MODEL)[0].model.text_pipeline_
        start = time.perf_counter()
        pipeline.predict_proba(texts)
        baseline = len(texts) / (time.perf_counter() - start)
        summary = run_batch(listings, tmp / "scores.csv", tmp / "rejects.csv", MODEL, jobs=jobs)
        short = listing_texts(5000, chars=args.memory_chars, seed=8)
        small, large = tmp / "small.csv", tmp / "large.csv"
        write_listings(small, short, 10_000)
        write_listings(large, short, args.million_rows)
        memory_small = peak_memory_of_batch(small, tmp / "small_out.csv")
        memory_large = peak_memory_of_batch(large, tmp / "large_out.csv")
    print(json.dumps({
        "benchmark": "batch",
        "jobs": jobs,
        "rows": summary.scored,
        "chars_per_row": 1000,
        "batch_rows_per_s": round(summary.rows_per_second, 1),
        "baseline_predict_proba_rows_per_s": round(baseline, 1),
        "batch_vs_baseline": round(summary.rows_per_second / baseline, 3),
        "memory": {
            "chars_per_row": args.memory_chars,
            "rows_10k": memory_small,
            f"rows_{args.million_rows}": memory_large,
            "ratio": round(memory_large["peak_rss_mib"] / memory_small["peak_rss_mib"], 3),
        },
        "targets": {"batch_rows_per_s": ">= 2000", "batch_vs_baseline": ">= 0.4", "memory_ratio": "<= 1.5"},
    }, indent=2))


if __name__ == "__main__":
    main()

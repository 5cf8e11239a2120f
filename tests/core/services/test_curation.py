"""Two `howey data add` runs at once both keep their rows: the second waits for the first."""

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.data.dataset import COLUMNS, read_rows, write_rows, write_rows_atomically
from app.core.errors import Busy
from app.core.files import exclusive
from tests.helpers.paths import DATA, ROOT

HOWEY = ROOT / ".venv" / "bin" / "howey"


def _new_rows(prefix: str, n: int) -> list[dict]:
    _, rows = read_rows(DATA)
    return [{**rows[i % len(rows)], "symbol": f"{prefix}{i:04d}", "name": f"Test token {prefix}{i}"} for i in range(n)]


@pytest.mark.skipif(not HOWEY.exists(), reason="the howey command is installed into .venv by make install")
def test_two_concurrent_adds_keep_every_row(tmp_path):
    data = tmp_path / "labeled_tokens.csv"
    shutil.copyfile(DATA, data)
    _, before = read_rows(data)
    runs = []
    for prefix in ("QA", "QB"):
        new = tmp_path / f"{prefix}.csv"
        write_rows(new, _new_rows(prefix, 1500))
        runs.append(subprocess.Popen([str(HOWEY), "data", "add", str(new), "--data", str(data)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path))
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    _, after = read_rows(data)
    symbols = [row["symbol"] for row in after]
    assert len(after) == len(before) + 3000
    assert len({(row["symbol"], row["unit"]) for row in after}) == len(after)
    assert sum(s.startswith("QA") for s in symbols) == sum(s.startswith("QB") for s in symbols) == 1500
    assert not list(tmp_path.glob(".labeled_tokens.csv.*.tmp"))


def test_a_held_lock_makes_the_second_writer_fail_with_a_message(tmp_path):
    data = tmp_path / "labeled_tokens.csv"
    shutil.copyfile(DATA, data)
    with exclusive(data, "first run"), pytest.raises(Busy, match="locked by another run"), exclusive(data, "second run", wait=0.2):
        pass


def test_a_stale_temporary_file_from_a_crashed_run_is_removed(tmp_path):
    data = tmp_path / "labeled_tokens.csv"
    shutil.copyfile(DATA, data)
    stale = tmp_path / ".labeled_tokens.csv.99999.tmp"
    stale.write_text("half a file")
    _, rows = read_rows(data)
    with exclusive(data, "test"):
        write_rows_atomically(data, rows)
    assert not stale.exists()
    assert read_rows(data)[1] == rows
    with open(data, newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == list(COLUMNS)


def test_replacing_flushes_before_renaming(tmp_path, monkeypatch):
    """fsync of the staged file happens before os.replace (a crash after the rename never leaves an
    empty dataset)."""
    import os

    from app.core import files

    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda fd: calls.append(("fsync", fd)) or real_fsync(fd))
    monkeypatch.setattr(files.os, "replace", lambda a, b: calls.append(("replace", Path(b).name)) or real_replace(a, b))
    data = tmp_path / "labeled_tokens.csv"
    shutil.copyfile(DATA, data)
    _, rows = read_rows(data)
    write_rows_atomically(data, rows)
    assert [c[0] for c in calls][:2] == ["fsync", "replace"]

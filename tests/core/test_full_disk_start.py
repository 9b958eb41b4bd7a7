"""`ask` on a disk that filled up after the database was made: one line, exit 1.

SQLite, opening in WAL mode, failed there with "disk I/O error" (not SQLITE_FULL) in a
57-line traceback. The disk is a real one: a small tmpfs (skipped where it cannot mount).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.db_faults import tiny_disk

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Path]:
    with tiny_disk(tmp_path / "small", "2m") as where:
        yield where


def ask(path: Path, line: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "ask", line],
        cwd=ROOT,
        env={"COUNTERWATCH_DB": str(path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:  # ENOSPC: the disk is full
            pass


def test_ask_on_a_disk_that_filled_up_is_one_line(small: Path) -> None:
    path = small / "counterwatch.db"
    assert ask(path, "/help").returncode == 0  # the database is made while there is room
    fill(small)
    done = ask(path, "/ring lookup Greenfield, WI")
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"counterwatch: the disk holding {path} is full; free space and start again"
        " (nothing was changed)."
    ]

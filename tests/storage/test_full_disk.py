"""A full disk is one line, never an incident or a traceback, and nothing is changed.

The disk is a real one: a small tmpfs mounted for the test (skipped, saying why, where the
test may not mount). SQLite reports SQLITE_FULL exactly as on a full production disk.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from storage.db import Database
from storage.errors import DISK_FULL_MESSAGE
from storage.seed import ensure_seed
from tests.conftest import FIXED_NOW
from tests.db_faults import tiny_disk
from wiring import wire_deps

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def full_at_start(tmp_path: Path) -> Iterator[Path]:
    with tiny_disk(tmp_path / "tiny", "128k") as where:  # too small for the migrated database
        yield where


@pytest.fixture
def filling(tmp_path: Path) -> Iterator[Path]:
    with tiny_disk(tmp_path / "small", "1m") as where:  # room for the seed, then sign-ups
        yield where


def test_starting_on_a_full_disk_says_so_in_one_line(full_at_start: Path) -> None:
    path = full_at_start / "counterwatch.db"
    done = subprocess.run(
        [sys.executable, "main.py", "ask", "/help"],
        cwd=ROOT,
        env={"COUNTERWATCH_DB": str(path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines == [f"counterwatch: the disk holding {path} is full; free space and start"
                     " again (nothing was changed)."]  # fmt: skip
    assert "savepoint" not in done.stderr and "Traceback" not in done.stderr


async def test_a_write_on_a_full_disk_is_refused_in_one_line(filling: Path) -> None:
    path = filling / "counterwatch.db"
    db = await Database.open(path)
    try:
        await ensure_seed(db, now=FIXED_NOW)
        deps = await wire_deps(db, Settings(db_path=str(path)), lambda: FIXED_NOW)
        dispatcher = Dispatcher(build_registry(), deps)
        organizer = Identity("t", "W1", "org", "Organizer", Role.ORGANIZER)
        assert not (await dispatcher.run_text(organizer, "/campaign create full Full")).error
        refused = None
        for i in range(20_000):
            member = Identity("t", "W1", f"u{i}", "Member with a long name " * 4, Role.MEMBER)
            reply = await dispatcher.run_text(member, "/campaign join full Greenfield")
            if reply.error:
                refused = (i, reply.text)
                break
        assert refused is not None, "the disk never filled"
        assert refused[1] == DISK_FULL_MESSAGE  # not an incident
        row = await db.fetchone("SELECT count(*) FROM signups")
        assert row is not None and row[0] == refused[0]  # every acknowledged one, no more
        lookup = await dispatcher.run_text(member, "/moratorium amazon")
        assert not lookup.error  # reads still answer
    finally:
        await db.close()

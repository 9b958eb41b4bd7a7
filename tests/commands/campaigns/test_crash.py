"""SIGKILL the bot core under sign-up load: every acknowledged sign-up must survive, on
SQLite and on PostgreSQL (group commit answers only after the commit)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import asyncpg

from storage.db import Database

CHILD = Path(__file__).with_name("crash_child.py")
ACKS_BEFORE_KILL = 400


def run_and_kill(database: Path | str) -> list[str]:
    """Start the child, wait until it acknowledged enough sign-ups, kill -9 it."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(database), "50"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    acked: list[str] = []
    deadline = time.monotonic() + 60
    try:
        for line in child.stdout:
            if line.startswith("ACK "):
                acked.append(line.split()[1])
            if len(acked) >= ACKS_BEFORE_KILL or time.monotonic() > deadline:
                break
        os.kill(child.pid, signal.SIGKILL)
        # Whatever the child flushed before it died was acknowledged too.
        rest, _ = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    acked += [line.split()[1] for line in rest.splitlines() if line.startswith("ACK ")]
    assert child.returncode == -signal.SIGKILL
    return acked


async def test_acknowledged_signups_survive_sigkill(tmp_path: Path) -> None:
    db_path = tmp_path / "crash.db"
    acked = run_and_kill(db_path)
    assert len(acked) >= ACKS_BEFORE_KILL
    # Check the file as left on disk, before anything reopens (and checkpoints) it.
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in raw.execute("SELECT user_id FROM signups")}
    finally:
        raw.close()
    missing = [user for user in acked if user not in stored]
    assert not missing, f"{len(missing)} acknowledged sign-ups lost, e.g. {missing[:5]}"
    # And the bot restarts on it.
    db = await Database.open(db_path)
    try:
        row = await db.fetchone("SELECT count(*) FROM signups")
        assert row is not None and row[0] >= len(acked)
    finally:
        await db.close()


async def test_acknowledged_signups_survive_sigkill_on_postgresql(pg_url: str) -> None:
    acked = run_and_kill(pg_url)
    assert len(acked) >= ACKS_BEFORE_KILL
    conn = await asyncpg.connect(pg_url)
    try:
        stored = {row[0] for row in await conn.fetch("SELECT user_id FROM signups")}
    finally:
        await conn.close()
    missing = [user for user in acked if user not in stored]
    assert not missing, f"{len(missing)} acknowledged sign-ups lost, e.g. {missing[:5]}"

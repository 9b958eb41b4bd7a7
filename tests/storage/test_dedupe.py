"""Replay protection that outlives the process: the seen-requests repository."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from storage.db import Database
from storage.dedupe.repository import RequestDedupe
from tests.conftest import FIXED_NOW

TTL = dt.timedelta(minutes=15)  # longer than Slack's 5-minute signature window
KEY = "slash:13345224609.738474920.8088930838d88f008e0"


async def test_a_request_replayed_after_a_restart_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "seen.db"
    db = await Database.open(path)
    try:
        seen = RequestDedupe(db)
        assert await seen.first_time(KEY, FIXED_NOW, TTL)
        assert not await seen.first_time(KEY, FIXED_NOW + dt.timedelta(seconds=1), TTL)
    finally:
        await db.close()
    restarted = await Database.open(path)  # a new process on the same file
    try:
        seen = RequestDedupe(restarted)
        replay_at = FIXED_NOW + dt.timedelta(minutes=4)  # within Slack's window
        assert not await seen.first_time(KEY, replay_at, TTL)
        assert await seen.first_time("slash:another", replay_at, TTL)
        # Once the record expired, the key is new again.
        assert await seen.first_time(KEY, FIXED_NOW + TTL, TTL)
    finally:
        await restarted.close()


async def test_two_processes_see_a_key_first_only_once(tmp_path: Path) -> None:
    one, two = await Database.open(tmp_path / "two.db"), await Database.open(tmp_path / "two.db")
    try:
        a, b = RequestDedupe(one), RequestDedupe(two)
        firsts = await asyncio.gather(
            *(store.first_time(f"k{i}", FIXED_NOW, TTL) for i in range(50) for store in (a, b))
        )
        assert sum(firsts) == 50
    finally:
        await one.close()
        await two.close()


async def test_forget_and_purge(db: Database) -> None:
    seen = RequestDedupe(db)
    assert await seen.first_time("view:V1:abc", FIXED_NOW, TTL)
    await seen.forget("view:V1:abc")  # rejected input: the same submission may come again
    assert await seen.first_time("view:V1:abc", FIXED_NOW, TTL)
    assert await seen.first_time("old", FIXED_NOW - TTL, TTL)
    assert await seen.purge(FIXED_NOW, TTL) == 1  # only the expired one
    row = await db.fetchone("SELECT count(*) FROM seen_requests")
    assert row is not None and row[0] == 1


async def test_keys_are_stored_as_digests_only(db: Database) -> None:
    typed = "view:V9:Zelda's private note"
    await RequestDedupe(db).first_time(typed, FIXED_NOW, TTL)
    rows = await db.fetchall("SELECT key_hash FROM seen_requests")
    assert rows and all("private note" not in str(tuple(r)) for r in rows)
    if isinstance(db, Database):  # and not in SQLite's files either (its WAL included)
        await db.checkpoint_truncate()
        for path in Path(db.path).parent.glob(Path(db.path).name + "*"):
            assert b"private note" not in path.read_bytes()

"""A delivery's replay record rides on its first write, in the same transaction (SQLite and
PostgreSQL): two deliveries of one request take effect once, a write that fails keeps no
record, and a command declared read-only cannot write."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from storage import replay
from storage.errors import Refused
from storage.sql import Conn, Db
from tests.conftest import FIXED_NOW

TTL = dt.timedelta(minutes=15)
INSERT = (
    "INSERT INTO refusals (at, platform, workspace, user_id, user_name, command)"
    " VALUES (?, 'test', 'W1', 'U1', 'someone', ?)"
)


async def count(db: Db, command: str) -> int:
    row = await db.fetchone("SELECT count(*) FROM refusals WHERE command = ?", (command,))
    assert row is not None
    return int(row[0])


async def deliver(db: Db, key: str, command: str, writes: int = 2) -> None:
    """One delivery of a command that writes `writes` rows, one statement each."""
    with replay.claiming(replay.Claim(key, FIXED_NOW, TTL)):
        for _ in range(writes):
            await db.write_statement(INSERT, (FIXED_NOW.isoformat(), command))


async def test_two_deliveries_of_one_request_take_effect_once(db: Db) -> None:
    outcomes = await asyncio.gather(
        *(deliver(db, "slash:T1", "join") for _ in range(2)), return_exceptions=True
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["NoneType", "Replayed"]
    assert await count(db, "join") == 2  # both writes of the one delivery that ran
    with pytest.raises(replay.Replayed):  # later, too (a restart, another worker)
        await deliver(db, "slash:T1", "join")
    await deliver(db, "slash:T2", "join")  # another request is another request
    assert await count(db, "join") == 4


async def test_a_first_write_that_fails_keeps_no_record(db: Db) -> None:
    async def refused(conn: Conn) -> None:
        await conn.execute(INSERT, (FIXED_NOW.isoformat(), "half"))
        raise Refused("no")

    with replay.claiming(replay.Claim("slash:T3", FIXED_NOW, TTL)), pytest.raises(Refused):
        await db.write(refused)
    assert await count(db, "half") == 0
    await deliver(db, "slash:T3", "whole")  # Slack's retry of it may still run
    assert await count(db, "whole") == 2


async def test_a_statement_carrying_the_record_still_says_why_not(db: Db) -> None:
    with replay.claiming(replay.Claim("slash:T4", FIXED_NOW, TTL)):
        rows = await db.write_statement(
            "DELETE FROM refusals WHERE command = 'none'",
            otherwise=("SELECT 'nothing there'", ()),
        )
    assert [tuple(r) for r in rows] == [("nothing there",)]
    with pytest.raises(replay.Replayed):
        await deliver(db, "slash:T4", "again")


async def test_a_read_only_command_cannot_write(db: Db) -> None:
    with replay.read_only(), pytest.raises(replay.ReadOnlyWrite):
        await db.write_statement(INSERT, (FIXED_NOW.isoformat(), "sneaky"))
    assert await count(db, "sneaky") == 0
    await db.write_statement(INSERT, (FIXED_NOW.isoformat(), "outside"))  # the scope ended
    assert await count(db, "outside") == 1

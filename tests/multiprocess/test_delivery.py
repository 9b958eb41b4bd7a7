"""Two real bot processes deliver one outbox on PostgreSQL, one SIGKILLed mid-way: every
notification goes out, none twice but what the killed process had sent and not yet marked,
and the rows it held are sent by the survivor once its lease lapsed."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import asyncpg

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from notifications.delivery import BATCH
from storage.postgres.db import PgDatabase
from testkit.waiting import eventually
from tests.conftest import FIXED_NOW, identity
from tests.multiprocess.procs import bots
from wiring import wire_deps

NOTIFICATIONS = 500
LEASE_S = 3.0  # the killed process's rows wait this long (the bot's default is 10 minutes)
SEND_DELAY_S = 0.01  # each send takes a moment, as a real one does: the kill lands mid-batch
SENT_BEFORE_KILL = 30


async def queue_announcement(url: str, members: int) -> None:
    """`members` sign-ups and one announcement to them: one outbox row each."""
    db = await PgDatabase.open(url, watch=False)
    try:
        deps = await wire_deps(db, Settings(database_url=url), lambda: FIXED_NOW)
        run = Dispatcher(build_registry(), deps).run_text
        await run(identity(Role.ORGANIZER, user_id="O1"), "/campaign create news News")
        await asyncio.gather(
            *(run(identity(user_id=f"M{i}"), "/campaign join news") for i in range(members))
        )
        campaign = await deps.storage.campaigns.find("W1", "news")
        assert campaign is not None
        queued = await deps.storage.announcements.queue(
            campaign.id, "W1", ("test", "O1"), "The council votes Tuesday", FIXED_NOW
        )
        assert queued == members
    finally:
        await db.close()


async def fetch(url: str, sql: str, *args: object) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(url)
    try:
        return list(await conn.fetch(sql, *args))
    finally:
        await conn.close()


async def undelivered(url: str) -> int:
    rows = await fetch(url, "SELECT count(*) FROM notifications WHERE delivered_at IS NULL")
    return int(rows[0][0])


async def test_500_notifications_go_out_once_while_one_of_two_senders_is_killed(
    pg_url: str, tmp_path: Path
) -> None:
    await queue_announcement(pg_url, NOTIFICATIONS)
    async with bots(pg_url, tmp_path, lease_s=LEASE_S, delay_s=SEND_DELAY_S) as (a, b):
        await asyncio.gather(a.order("loops"), b.order("loops"))

        async def a_sent_some() -> bool:
            return len(a.sent()) >= SENT_BEFORE_KILL

        await eventually(a_sent_some, timeout_s=60)
        a.kill()
        await a.proc.wait()
        held = await fetch(
            pg_url,
            "SELECT user_id FROM notifications WHERE claimed_by = $1 AND delivered_at IS NULL",
            a.claimant,
        )

        async def all_delivered() -> bool:
            return await undelivered(pg_url) == 0

        await eventually(all_delivered, timeout_s=60)
    by_a = Counter(entry["to"] for entry in a.sent())
    by_b = Counter(entry["to"] for entry in b.sent())
    members = {f"M{i}" for i in range(NOTIFICATIONS)}
    assert set(by_a) | set(by_b) == members  # every notification went out
    twice = {user for user in members if by_a[user] + by_b[user] > 1}
    # A second send only of what the killed process sent and had not marked delivered yet:
    # at most its batch in flight (sends are one at a time, so in practice at most one).
    assert all(by_a[user] == 1 and by_b[user] == 1 for user in twice)
    assert len(twice) <= BATCH
    # What the killed process held when it died was sent by the survivor, after the lease.
    assert held, "the kill landed between two batches: nothing was left to its lease"
    assert all(by_b[row["user_id"]] == 1 for row in held)
    print(
        f"A sent {sum(by_a.values())} before SIGKILL and held {len(held)} rows;"
        f" B sent {sum(by_b.values())}; sent twice: {len(twice)}"
    )

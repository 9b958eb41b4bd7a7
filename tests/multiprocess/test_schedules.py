"""Two real bot processes run their reminder and delivery loops on one PostgreSQL database:
each due reminder reaches each member once, each ended campaign's summary its organizer
once, whichever process gets there first."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from pathlib import Path

import asyncpg

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from storage.postgres.db import PgDatabase
from testkit.waiting import eventually
from tests.conftest import FIXED_NOW, identity
from tests.multiprocess.procs import bots
from wiring import wire_deps

EARLIER = FIXED_NOW - dt.timedelta(days=3)  # when it was all scheduled; the bots run at FIXED_NOW
MEMBERS = 20
REMINDERS = 3
ENDED = 5


async def schedule(url: str) -> None:
    """Members of `vote` with REMINDERS reminders due before FIXED_NOW, and ENDED campaigns
    (organizer O<n> each) whose last day was before it, all made at EARLIER."""
    db = await PgDatabase.open(url, watch=False)
    try:
        deps = await wire_deps(db, Settings(database_url=url), lambda: EARLIER)
        run = Dispatcher(build_registry(), deps).run_text

        async def ok(role: Role, user_id: str, line: str) -> None:
            reply = await run(identity(role, user_id=user_id), line)
            assert not reply.error, reply.text

        await ok(Role.ORGANIZER, "O", "/campaign create vote Vote")
        for i in range(MEMBERS):
            await ok(Role.MEMBER, f"M{i}", "/campaign join vote")
        for k in range(REMINDERS):
            when = f'"2026-11-25 0{k}:00 UTC"'
            await ok(Role.ORGANIZER, "O", f"/campaign remind vote {when} Hearing number {k}")
        for n in range(ENDED):
            await ok(Role.ORGANIZER, f"O{n}", f"/campaign create e{n} Ended{n} ends:2026-11-24")
    finally:
        await db.close()


async def count(url: str, sql: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval(sql))
    finally:
        await conn.close()


async def test_two_processes_send_each_reminder_and_each_summary_once(
    pg_url: str, tmp_path: Path
) -> None:
    await schedule(pg_url)
    async with bots(pg_url, tmp_path) as (a, b):
        await asyncio.gather(a.order("loops"), b.order("loops"))  # both race for every row

        async def all_sent() -> bool:
            reminded = "SELECT count(*) FROM campaign_reminders WHERE sent_at IS NOT NULL"
            closed = "SELECT count(*) FROM campaigns WHERE closed_on IS NOT NULL"
            waiting = "SELECT count(*) FROM notifications WHERE delivered_at IS NULL"
            return (
                await count(pg_url, reminded) == REMINDERS
                and await count(pg_url, closed) == ENDED
                and await count(pg_url, waiting) == 0
            )

        await eventually(all_sent, timeout_s=60)
        sent = a.sent() + b.sent()
    messages = Counter((entry["to"], entry["text"]) for entry in sent)
    assert all(times == 1 for times in messages.values()), messages.most_common(3)
    reminders = [text for _, text in messages if "Hearing number" in text]
    summaries = [text for _, text in messages if "closed on 2026-11-26" in text]
    assert len(reminders) == MEMBERS * REMINDERS
    assert len(summaries) == ENDED
    assert len(messages) == MEMBERS * REMINDERS + ENDED  # nothing else went out
    print(f"A sent {len(a.sent())}, B sent {len(b.sent())}, each once")

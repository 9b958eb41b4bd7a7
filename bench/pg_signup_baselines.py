"""The PostgreSQL sign-up benchmark's baselines: the naive pattern and the server's limit.

Each writes the same row as a sign-up (campaign, platform, user id, display name, city,
time) into a fresh database with the stack's own schema, over plain asyncpg, no dispatcher,
no group commit:
- naive/pool: one transaction per sign-up (BEGIN, INSERT, COMMIT) through an asyncpg pool
  of POOL_SIZE connections (asyncpg's default size), the same members in flight as the
  stack: what a handler that writes for itself usually looks like. The server still merges
  concurrent commits' WAL flushes on its own: the naive pattern at its best.
- naive/sequential: the same on one connection, one sign-up after another (no concurrency).
- limit: one `COPY` of every row (copy_records_to_table), one transaction: what the server
  takes at most, with no per-row statement at all.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import asyncpg

from bench.signup_baselines import run_members_of

POOL_SIZE = 10  # asyncpg.create_pool's default max_size
INSERT = (
    "INSERT INTO signups (campaign_id, platform, user_id, display_name, city, signed_up_at)"
    " VALUES (1, 'bench', $1, $2, '', '2026-11-26T12:00:00Z')"
)
CAMPAIGN = (
    "INSERT INTO campaigns (id, workspace, slug, title, created_on)"
    " VALUES (1, 'W1', 'bench', 'Bench', '2026-11-26')"
)
COLUMNS = ["campaign_id", "platform", "user_id", "display_name", "city", "signed_up_at"]


@dataclass(frozen=True)
class Line:
    """One line of the table: what it did, how fast, and who spent the CPU."""

    key: str
    count: int
    seconds: float
    latencies: list[float]
    commits: int  # transactions that committed rows
    bot_cpu: float = 0.0  # CPU seconds of the bot (or client) process(es)
    server_cpu: float = 0.0  # CPU seconds of the PostgreSQL server's processes
    machine_busy: float = 0.0  # fraction of all cores busy meanwhile (anyone's work)
    processes: int = 1
    notes: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.count / self.seconds


async def add_campaign(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(CAMPAIGN)
    finally:
        await conn.close()


async def count_signups(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        found: int = await conn.fetchval("SELECT count(*) FROM signups")
        return found
    finally:
        await conn.close()


async def naive_pool(url: str, count: int, members: int) -> Line:
    """`members` concurrent members, each sign-up its own transaction on a pooled connection."""
    await add_campaign(url)
    async with asyncpg.create_pool(url, min_size=POOL_SIZE, max_size=POOL_SIZE) as pool:

        async def signup(i: int) -> None:
            async with pool.acquire() as conn, conn.transaction():
                await conn.execute(INSERT, f"u{i}", f"Member {i}")

        cpu, start = time.process_time(), time.perf_counter()
        latencies = await run_members_of(range(count), members, signup)
        seconds = time.perf_counter() - start
    return Line("naive/pool", count, seconds, latencies, count, time.process_time() - cpu)


async def naive_sequential(url: str, count: int) -> Line:
    """One connection, one sign-up after another, each its own transaction."""
    await add_campaign(url)
    conn = await asyncpg.connect(url)
    try:
        latencies: list[float] = []
        cpu, start = time.process_time(), time.perf_counter()
        for i in range(count):
            began = time.perf_counter()
            async with conn.transaction():
                await conn.execute(INSERT, f"u{i}", f"Member {i}")
            latencies.append(time.perf_counter() - began)
        seconds = time.perf_counter() - start
    finally:
        await conn.close()
    return Line("naive/sequential", count, seconds, latencies, count, time.process_time() - cpu)


async def copy_limit(url: str, count: int) -> Line:
    """Every row in one COPY, one transaction."""
    await add_campaign(url)
    conn = await asyncpg.connect(url)
    try:
        rows = [
            (1, "bench", f"u{i}", f"Member {i}", "", "2026-11-26T12:00:00Z") for i in range(count)
        ]
        cpu, start = time.process_time(), time.perf_counter()
        async with conn.transaction():
            await conn.copy_records_to_table("signups", records=rows, columns=COLUMNS)
        seconds = time.perf_counter() - start
    finally:
        await conn.close()
    return Line("limit/copy", count, seconds, [seconds], 1, time.process_time() - cpu)

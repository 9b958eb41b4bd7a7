"""The sign-up benchmark's baselines: the naive pattern (two ways) and the stack's limit.

Each writes the same row as a sign-up (campaign, platform, user id, display name, city,
time) into a file with WAL and synchronous=FULL, the stack's own schema (its migrations).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from storage.migrate import apply_migrations

MEMBERS = 100
LIMIT_BATCH = 1000
INSERT = (
    "INSERT INTO signups (campaign_id, platform, user_id, display_name, city, signed_up_at)"
    " VALUES (1, 'bench', ?, ?, '', '2026-11-26T12:00:00Z')"
)
CAMPAIGN = (
    "INSERT INTO campaigns (id, workspace, slug, title, created_on)"
    " VALUES (1, 'W1', 'bench', 'Bench', '2026-11-26')"
)


@dataclass(frozen=True)
class Result:
    key: str
    count: int
    seconds: float
    latencies: list[float]
    commits: int  # transactions that committed rows
    cpu: float = 0.0  # process CPU seconds (all threads) while it ran

    @property
    def rate(self) -> float:
        return self.count / self.seconds


async def run_members(
    n: int, signup: Callable[[int], Awaitable[None]]
) -> tuple[float, list[float]]:
    """MEMBERS concurrent members take the next sign-up number until `n` are done; each
    sign-up's latency runs from its start to its acknowledgement (the awaited return)."""
    start = time.perf_counter()
    latencies = await run_members_of(range(n), MEMBERS, signup)
    return time.perf_counter() - start, latencies


async def run_members_of(
    numbers: Iterable[int], members: int, signup: Callable[[int], Awaitable[None]]
) -> list[float]:
    """`members` concurrent members take the next of `numbers` until none is left; returns
    each sign-up's latency, from its start to its acknowledgement (the awaited return)."""
    pending = iter(numbers)
    latencies: list[float] = []

    async def one_member() -> None:
        for i in pending:
            start = time.perf_counter()
            await signup(i)
            latencies.append(time.perf_counter() - start)

    await asyncio.gather(*(one_member() for _ in range(members)))
    return latencies


async def naive(path: Path, count: int, *, own_transaction: bool) -> Result:
    """Each member: `await conn.execute(INSERT)` then `await conn.commit()`, one shared
    aiosqlite connection with Python's default (implicit) transactions.

    Literally (own_transaction=False), the connection's thread runs the calls in arrival
    order: INSERT a, INSERT b, ..., COMMIT a, COMMIT b, ... Member a's COMMIT commits every
    row inserted so far, and the later COMMITs find no transaction and do nothing. So the
    pattern groups by accident: fewer fsyncs than sign-ups (counted below), no member
    acknowledged early, but no isolation either (one member's ROLLBACK would silently take
    the others' rows with it, and their COMMITs would then "succeed").
    own_transaction=True holds a lock around each INSERT + COMMIT pair: what "each sign-up
    its own transaction" means, one fsync per sign-up."""
    conn = await aiosqlite.connect(path)
    try:
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute("PRAGMA synchronous=FULL")
        await apply_migrations(conn)
        await conn.execute(CAMPAIGN)
        await conn.commit()
        commits = 0

        def trace(sql: str) -> None:  # runs on the connection's thread, per statement
            nonlocal commits
            commits += sql == "COMMIT"  # issued by commit() only when a transaction is open

        await conn.set_trace_callback(trace)
        lock = asyncio.Lock() if own_transaction else contextlib.nullcontext()

        async def signup(i: int) -> None:
            async with lock:
                await conn.execute(INSERT, (f"u{i}", f"Member {i}"))
                await conn.commit()

        seconds, latencies = await run_members(count, signup)
        async with conn.execute("SELECT count(*) FROM signups") as cursor:
            row = await cursor.fetchone()
        assert row is not None and row[0] == count
        key = "naive-own" if own_transaction else "naive-literal"
        return Result(key, count, seconds, latencies, commits)
    finally:
        await conn.close()


def limit(path: Path, count: int) -> Result:
    """Plain sqlite3 on one thread, LIMIT_BATCH rows per commit (executemany)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        for migration in sorted(
            (Path(__file__).parents[1] / "storage" / "migrations").glob("*.sql")
        ):
            conn.executescript(f"BEGIN;\n{migration.read_text(encoding='utf-8')}\nCOMMIT;")
        conn.execute(CAMPAIGN)
        latencies: list[float] = []
        start = time.perf_counter()
        for first in range(0, count, LIMIT_BATCH):
            batch_start = time.perf_counter()
            rows = [(f"u{i}", f"Member {i}") for i in range(first, min(first + LIMIT_BATCH, count))]
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(INSERT, rows)
            conn.execute("COMMIT")
            latencies.append(time.perf_counter() - batch_start)
        seconds = time.perf_counter() - start
        assert conn.execute("SELECT count(*) FROM signups").fetchone()[0] == count
        return Result("limit", count, seconds, latencies, -(-count // LIMIT_BATCH))
    finally:
        conn.close()

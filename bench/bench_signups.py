"""Sign-ups per second and acknowledgement latency, side by side with two baselines.

All three write to a file in a temp dir with WAL and synchronous=FULL:
- stack:  100 concurrent members, each `/campaign join` through the dispatcher; the reply
          (sent only after COMMIT) is the acknowledgement. Writes share commits via db.write.
- naive:  the same 100 concurrent members, each sign-up its own INSERT and awaited COMMIT
          on one shared aiosqlite connection, measured two ways:
          "shared": as usually written (Python's implicit transactions). Concurrent members
              then slip their INSERTs into one another's open transaction, so one COMMIT
              often carries many rows: accidental, unsafe grouping (a ROLLBACK by one member
              would silently drop the others' rows, already "acknowledged" to nobody yet).
          "own":  what the pattern means to do, one transaction per sign-up (a lock keeps
              the members' INSERT/COMMIT pairs apart): one fsync per sign-up.
- limit:  plain sqlite3, 1,000 rows per commit (executemany): what the stack could reach.

Run: .venv/bin/python -m bench signups   (SIGNUPS_BENCH_N overrides the sign-up count)
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import sqlite3
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bench.stats import describe_ms, percentile
from bot.deps import Deps
from bot.dispatch import Dispatcher, Identity
from bot.models import Role
from bot.settings import Settings
from commands import build_registry
from storage.db import Database, apply_migrations

MEMBERS = 100
SIGNUPS = int(os.environ.get("SIGNUPS_BENCH_N", "5000"))
NAIVE_OWN_SIGNUPS = min(SIGNUPS, 1000)  # one fsync each: fewer, or the run takes minutes
LIMIT_BATCH = 1000
NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
INSERT = (
    "INSERT INTO signups (campaign_id, platform, user_id, display_name, city, signed_up_at)"
    " VALUES (1, 'bench', ?, ?, '', '2026-11-26T12:00:00Z')"
)


@dataclass(frozen=True)
class Result:
    label: str
    count: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.count / self.seconds


def member(i: int, role: Role = Role.MEMBER) -> Identity:
    return Identity("bench", "W1", f"u{i}", f"Member {i}", role)


async def run_members(
    n: int, signup: Callable[[int], Awaitable[None]]
) -> tuple[float, list[float]]:
    """MEMBERS concurrent members take the next sign-up number until `n` are done."""
    numbers = iter(range(n))
    latencies: list[float] = []

    async def one_member() -> None:
        for i in numbers:
            start = time.perf_counter()
            await signup(i)
            latencies.append(time.perf_counter() - start)

    start = time.perf_counter()
    await asyncio.gather(*(one_member() for _ in range(MEMBERS)))
    return time.perf_counter() - start, latencies


async def bench_stack(directory: Path) -> tuple[Result, int]:
    db = await Database.open(directory / "stack.db")
    try:
        deps = Deps(settings=Settings(db_path=str(db.path)), db=db, clock=lambda: NOW)
        dispatcher = Dispatcher(build_registry(), deps)
        command = dispatcher.registry.get(("campaign", "join"))
        assert command is not None
        made = await dispatcher.run_text(
            member(0, Role.ORGANIZER), "/campaign create bench Bench 100000"
        )
        assert not made.error, made.text
        commits_before = db.commits

        async def signup(i: int) -> None:
            reply = await dispatcher.run_options(member(i), command, {"slug": "bench"})
            if reply.error:
                raise RuntimeError(reply.text)

        seconds, latencies = await run_members(SIGNUPS, signup)
        row = await db.fetchone("SELECT count(*) FROM signups")
        assert row is not None and row[0] == SIGNUPS
        return Result("stack (dispatcher + group commit)", SIGNUPS, seconds, latencies), (
            db.commits - commits_before
        )
    finally:
        await db.close()


async def bench_naive(directory: Path, own_transaction: bool) -> Result:
    name = "naive-own.db" if own_transaction else "naive-shared.db"
    conn = await aiosqlite.connect(directory / name)  # default: implicit transactions
    try:
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute("PRAGMA synchronous=FULL")
        await apply_migrations(conn)
        await conn.execute(
            "INSERT INTO campaigns (id, workspace, slug, title, created_on)"
            " VALUES (1, 'W1', 'bench', 'Bench', '2026-11-26')"
        )
        await conn.commit()

        lock = asyncio.Lock() if own_transaction else contextlib.nullcontext()

        async def signup(i: int) -> None:
            async with lock:
                await conn.execute(INSERT, (f"u{i}", f"Member {i}"))
                await conn.commit()

        count = NAIVE_OWN_SIGNUPS if own_transaction else SIGNUPS
        seconds, latencies = await run_members(count, signup)
        how = "one transaction per sign-up" if own_transaction else "shared implicit transaction"
        return Result(f"naive, {how}", count, seconds, latencies)
    finally:
        await conn.close()


def bench_limit(directory: Path) -> Result:
    conn = sqlite3.connect(directory / "limit.db", isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        # The same schema, from the same migrations.
        for path in sorted((Path(__file__).parents[1] / "storage" / "migrations").glob("*.sql")):
            conn.executescript(f"BEGIN;\n{path.read_text(encoding='utf-8')}\nCOMMIT;")
        conn.execute(
            "INSERT INTO campaigns (id, workspace, slug, title, created_on)"
            " VALUES (1, 'W1', 'bench', 'Bench', '2026-11-26')"
        )
        latencies: list[float] = []
        start = time.perf_counter()
        for first in range(0, SIGNUPS, LIMIT_BATCH):
            batch_start = time.perf_counter()
            rows = [
                (f"u{i}", f"Member {i}") for i in range(first, min(first + LIMIT_BATCH, SIGNUPS))
            ]
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(INSERT, rows)
            conn.execute("COMMIT")
            latencies.append(time.perf_counter() - batch_start)
        seconds = time.perf_counter() - start
        count = conn.execute("SELECT count(*) FROM signups").fetchone()[0]
        assert count == SIGNUPS
        return Result(f"limit (sqlite3, {LIMIT_BATCH} rows/commit)", SIGNUPS, seconds, latencies)
    finally:
        conn.close()


def show(result: Result, note: str = "") -> None:
    print(f"{result.label}: {result.rate:,.0f} sign-ups/s{note}")
    print(
        "  "
        + describe_ms("ack latency" if "limit" not in result.label else "commit", result.latencies)
    )


async def main() -> None:
    print(f"{SIGNUPS:,} sign-ups, {MEMBERS} concurrent members, WAL + synchronous=FULL, temp file")
    with tempfile.TemporaryDirectory(prefix="cw-bench-") as tmp:
        directory = Path(tmp)
        naive = await bench_naive(directory, own_transaction=False)
        naive_own = await bench_naive(directory, own_transaction=True)
        stack, commits = await bench_stack(directory)
        limit = bench_limit(directory)
    show(naive)
    show(naive_own)
    show(stack, f" ({commits} commits, {SIGNUPS / max(commits, 1):.1f} sign-ups per commit)")
    show(limit)
    p99 = percentile([s * 1000 for s in stack.latencies], 99)
    print(
        f"ratios: stack/naive-shared = {stack.rate / naive.rate:.2f}x,"
        f" stack/naive-own = {stack.rate / naive_own.rate:.1f}x (target >= 2.5x),"
        f" stack/limit = {stack.rate / limit.rate:.0%} (target >= 30%),"
        f" stack p99 = {p99:.1f} ms (target < 50 ms)"
    )

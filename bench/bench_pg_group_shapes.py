"""Where a PostgreSQL group commit spends its time: the same group of sign-ups sent three ways
on one connection, no dispatcher, no bot, to show what the writer's round trips cost.

- one-by-one: each sign-up's statement awaited before the next, in one transaction: how
  PgDatabase runs a group today (storage/postgres/db.py, one round trip per statement);
- executemany: the same statements pipelined (asyncpg sends them all, then reads the
  answers), one transaction; no rows come back per statement;
- unnest: ONE `INSERT ... SELECT ... FROM unnest($1, $2)` for the whole group, RETURNING
  the members it signed up (so each caller could still learn its own outcome).
Every way runs the sign-up's own conditions (an open campaign, ON CONFLICT DO NOTHING), in
groups of GROUP (about what the stack's writer groups at 200 in flight), with the client's
and the server's CPU per row. A diagnostic, not a baseline: the sign-up benchmark on
PostgreSQL is bench/bench_pg_signups.py.

Run: .venv/bin/python -m bench pg_group_shapes   (PG_GROUP_BENCH_N, default 5000;
     PG_GROUP_BENCH_SIZE, default 167; PG_GROUP_BENCH_ROUNDS, default 2)
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg

from bench.pg_server import throwaway_cluster
from bench.pg_signup_baselines import add_campaign, count_signups
from bench.proc_cpu import postmaster_pid, snapshot, spent
from testkit.pg_cluster import TestDatabases

SIGNUPS = int(os.environ.get("PG_GROUP_BENCH_N", "5000"))
GROUP = int(os.environ.get("PG_GROUP_BENCH_SIZE", "167"))
ROUNDS = int(os.environ.get("PG_GROUP_BENCH_ROUNDS", "2"))
STAMP, TODAY = "2026-11-26T12:00:00Z", "2026-11-26"
# storage/campaigns/repository.py's _JOIN, with asyncpg's placeholders.
JOIN = (
    "INSERT INTO signups (campaign_id, platform, user_id, display_name, city, signed_up_at)"
    " SELECT id, $1, $2, $3, $4, $5 FROM campaigns"
    " WHERE id = $6 AND closed_on IS NULL AND (ends IS NULL OR ends >= $7)"
    " ON CONFLICT (campaign_id, platform, user_id) DO NOTHING"
)
JOIN_MANY = (
    "INSERT INTO signups (campaign_id, platform, user_id, display_name, city, signed_up_at)"
    " SELECT c.id, 'bench', m.user_id, m.display_name, '', $3 FROM campaigns c,"
    " unnest($1::text[], $2::text[]) AS m(user_id, display_name)"
    " WHERE c.id = 1 AND c.closed_on IS NULL AND (c.ends IS NULL OR c.ends >= $4)"
    " ON CONFLICT (campaign_id, platform, user_id) DO NOTHING RETURNING user_id"
)
Shape = Callable[[asyncpg.Connection, range], Awaitable[None]]


def arguments(i: int) -> tuple[object, ...]:
    return ("bench", f"u{i}", f"Member {i}", "", STAMP, 1, TODAY)


async def one_by_one(conn: asyncpg.Connection, members: range) -> None:
    async with conn.transaction():
        for i in members:
            await conn.fetch(JOIN, *arguments(i))


async def executemany(conn: asyncpg.Connection, members: range) -> None:
    async with conn.transaction():
        await conn.executemany(JOIN, [arguments(i) for i in members])


async def unnest(conn: asyncpg.Connection, members: range) -> None:
    ids, names = [f"u{i}" for i in members], [f"Member {i}" for i in members]
    async with conn.transaction():
        joined = await conn.fetch(JOIN_MANY, ids, names, STAMP, TODAY)
    assert len(joined) == len(members)


SHAPES: dict[str, Shape] = {
    "one-by-one": one_by_one,
    "executemany": executemany,
    "unnest": unnest,
}


async def run_shape(url: str, shape: Shape, postmaster: int) -> str:
    await add_campaign(url)
    conn = await asyncpg.connect(url)
    try:
        before, cpu, start = snapshot(postmaster), time.process_time(), time.perf_counter()
        for first in range(0, SIGNUPS, GROUP):
            await shape(conn, range(first, min(first + GROUP, SIGNUPS)))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        server = spent(before, snapshot(postmaster)).server
    finally:
        await conn.close()
    assert await count_signups(url) == SIGNUPS
    groups = -(-SIGNUPS // GROUP)
    return (
        f"{SIGNUPS / seconds:9,.0f} rows/s  {seconds / groups * 1000:6.1f} ms a group"
        f"  client CPU {cpu / SIGNUPS * 1e6:4.0f} µs/row  server CPU"
        f" {server / SIGNUPS * 1e6:4.0f} µs/row"
    )


async def main() -> None:
    cluster = throwaway_cluster()
    if cluster is None:
        return
    try:
        databases = TestDatabases(cluster)
        databases.prepare_template()
        postmaster = postmaster_pid(cluster.data_dir)
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
        print(f"{SIGNUPS:,} sign-ups in groups of {GROUP}, one connection, fsync on;"
              f" load average {load}")  # fmt: skip
        for round_no in range(ROUNDS):
            print(f"round {round_no + 1}")
            for name, shape in SHAPES.items():
                url = databases.create()
                try:
                    print(f"  {name:12s} {await run_shape(url, shape, postmaster)}", flush=True)
                finally:
                    databases.drop(url)
    finally:
        cluster.stop()

"""Two real bot processes starting at once on one fresh PostgreSQL database: it is migrated
once (tests/storage/test_pg_migrations.py) and seeded as one start seeds it."""

from __future__ import annotations

from pathlib import Path

import asyncpg

from storage.postgres.db import PgDatabase
from storage.seed import ensure_seed
from testkit.pg_cluster import TestDatabases
from tests.conftest import FIXED_NOW
from tests.multiprocess.procs import bots

SEEDED = (
    "sources",
    "companies",
    "company_aliases",
    "company_events",
    "agencies",
    "deployments",
    "laws",
    "datasets",
)


async def row_counts(url: str) -> dict[str, int]:
    conn = await asyncpg.connect(url)
    try:
        return {
            table: int(await conn.fetchval(f"SELECT count(*) FROM {table}")) for table in SEEDED
        }
    finally:
        await conn.close()


async def seeded_once(databases: TestDatabases) -> dict[str, int]:
    url = databases.create()
    try:
        db = await PgDatabase.open(url, watch=False)
        try:
            assert await ensure_seed(db, now=FIXED_NOW)
        finally:
            await db.close()
        return await row_counts(url)
    finally:
        databases.drop(url)


async def test_two_processes_starting_at_once_seed_the_database_once(
    pg_url: str, pg_databases: TestDatabases, tmp_path: Path
) -> None:
    async with bots(pg_url, tmp_path) as (a, b):
        await a.run_ok("member", "M1", "/help")  # both up, both seeded before answering
        await b.run_ok("member", "M1", "/help")
    once = await seeded_once(pg_databases)
    assert once["company_events"] > 0  # the seed is not empty
    assert await row_counts(pg_url) == once

"""The purge after /forgetme on PostgreSQL (storage/postgres/purge.py): a table it could not
rewrite is reported, never taken as cleared. (That a rewrite clears the erased rows from the
files is tests/commands/test_privacy_files.py.)"""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from storage.postgres import purge
from storage.postgres.purge import vacuum_full


async def _filenode(url: str, table: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT pg_relation_filenode($1::regclass)", table))
    finally:
        await conn.close()


async def test_tables_are_rewritten_and_a_role_that_does_not_own_one_is_told(
    pg_url: str,
) -> None:
    before = await _filenode(pg_url, "signups")
    assert await vacuum_full(pg_url, ["signups", "follows"]) == []
    assert await _filenode(pg_url, "signups") != before  # new files: the old ones are gone
    admin = await asyncpg.connect(pg_url)
    try:
        await admin.execute("CREATE ROLE purge_not_owner LOGIN")
        outsider = pg_url.replace("counterwatch@", "purge_not_owner@")
        # PostgreSQL only warns ("skipping ... only table or database owner can vacuum it").
        assert await vacuum_full(outsider, ["signups"]) == ["signups"]
    finally:
        await admin.execute("DROP ROLE IF EXISTS purge_not_owner")
        await admin.close()


async def test_a_table_locked_by_someone_else_is_left_and_reported(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader holding the table keeps VACUUM FULL from its lock: after the lock wait the
    table is reported, and the rest are still rewritten."""
    monkeypatch.setattr(purge, "PURGE_LOCK_WAIT_MS", 200)
    holder = await asyncpg.connect(pg_url)
    try:
        transaction = holder.transaction()
        await transaction.start()
        await holder.execute("LOCK TABLE signups IN ACCESS SHARE MODE")
        left = await asyncio.wait_for(vacuum_full(pg_url, ["signups", "follows"]), timeout=60)
        assert left == ["signups"]
        await transaction.rollback()
    finally:
        await holder.close()

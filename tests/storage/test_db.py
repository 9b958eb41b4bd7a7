from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from storage.db import Database
from storage.migrate import migration_files
from storage.sql import Conn, returned_id


@pytest.mark.sqlite_only("user_version and WAL are SQLite's")
async def test_migrations_set_user_version_and_wal(db: Database) -> None:
    row = await db.fetchone("PRAGMA user_version")
    assert row is not None and row[0] == len(migration_files())
    mode = await db.fetchone("PRAGMA journal_mode")
    assert mode is not None and mode[0] == "wal"


async def test_reopen_does_not_reapply(tmp_path: Path) -> None:
    first = await Database.open(tmp_path / "a.db")
    await first.close()
    second = await Database.open(tmp_path / "a.db")
    try:
        row = await second.fetchone("PRAGMA user_version")
        assert row is not None and row[0] == len(migration_files())
    finally:
        await second.close()


async def test_concurrent_writes_share_commits_and_are_visible(db: Database) -> None:
    async def insert(i: int) -> int:
        async def job(conn: Conn) -> int:
            cursor = await conn.execute(
                "INSERT INTO sources (url, publisher) VALUES (?, ?) RETURNING id",
                (f"https://x/{i}", "t"),
            )
            return await returned_id(cursor)

        return await db.write(job)

    before = db.commits
    ids = await asyncio.gather(*(insert(i) for i in range(200)))
    assert len(set(ids)) == 200
    assert db.commits - before < 200  # grouped
    row = await db.fetchone("SELECT count(*) FROM sources")
    assert row is not None and row[0] == 200


async def test_failing_job_is_isolated_from_its_group(db: Database) -> None:
    async def good(conn: Conn) -> None:
        await conn.execute("INSERT INTO sources (url) VALUES ('https://ok')")

    async def bad(conn: Conn) -> None:
        await conn.execute("INSERT INTO sources (url) VALUES ('https://half')")
        raise ValueError("refused")

    results = await asyncio.gather(db.write(good), db.write(bad), return_exceptions=True)
    assert results[0] is None and isinstance(results[1], ValueError)
    rows = await db.fetchall("SELECT url FROM sources ORDER BY url")
    assert [r["url"] for r in rows] == ["https://ok"]


@pytest.mark.sqlite_only("the read-only reader connection is SQLite's")
async def test_reader_is_read_only(db: Database) -> None:
    with pytest.raises(sqlite3.OperationalError):
        await db.reader.execute("INSERT INTO sources (url) VALUES ('x')")


async def test_closed_database_refuses_writes(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "c.db")
    await database.close()

    async def job(conn: Conn) -> None:
        return None

    with pytest.raises(RuntimeError, match="closed"):
        await database.write(job)

"""Database.write_statement and the group commit's savepoints."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import aiosqlite
import pytest

from storage.db import Database

INSERT = "INSERT INTO sources (url) VALUES (?) RETURNING id"


async def test_statements_share_a_commit_and_return_rows(db: Database) -> None:
    before = db.commits
    results = await asyncio.gather(*(db.write_statement(INSERT, (f"u{i}",)) for i in range(300)))
    ids = [rows[0][0] for rows in results]
    assert len(set(ids)) == 300 and db.commits - before < 300
    row = await db.fetchone("SELECT count(*) FROM sources")
    assert row is not None and row[0] == 300


async def test_a_failing_statement_fails_alone(db: Database) -> None:
    await db.write_statement(INSERT, ("taken",))
    results = await asyncio.gather(
        db.write_statement(INSERT, ("a",)),
        db.write_statement(INSERT, ("taken",)),  # UNIQUE (url, publisher, published)
        db.write_statement(INSERT, ("b",)),
        return_exceptions=True,
    )
    assert isinstance(results[1], sqlite3.IntegrityError)
    assert not isinstance(results[0], BaseException) and not isinstance(results[2], BaseException)
    rows = await db.fetchall("SELECT url FROM sources ORDER BY url")
    assert [r[0] for r in rows] == ["a", "b", "taken"]


async def test_jobs_and_statements_interleave_in_order(db: Database) -> None:
    async def job_ok(conn: aiosqlite.Connection) -> None:
        await conn.execute("INSERT INTO sources (url) VALUES ('job1')")

    async def job_bad(conn: aiosqlite.Connection) -> None:
        await conn.execute("INSERT INTO sources (url) VALUES ('job2')")
        await conn.execute("INSERT INTO sources (url) VALUES ('job2b')")
        raise ValueError("refused")

    results = await asyncio.gather(
        db.write_statement(INSERT, ("s1",)),
        db.write(job_ok),
        db.write(job_bad),
        db.write_statement(INSERT, ("s2",)),
        return_exceptions=True,
    )
    assert isinstance(results[2], ValueError)
    rows = await db.fetchall("SELECT url FROM sources ORDER BY id")
    # The failed job's two rows are gone; the job before it and the statements after it stay.
    assert [r[0] for r in rows] == ["s1", "job1", "s2"]


async def test_closed_database_refuses_statements(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "closed.db")
    await database.close()
    with pytest.raises(RuntimeError, match="closed"):
        await database.write_statement(INSERT, ("x",))

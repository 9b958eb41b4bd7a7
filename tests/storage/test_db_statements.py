"""Database.write_statement and the group commit's savepoints."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import asyncpg
import pytest

from storage.db import Database
from storage.sql import Conn

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
    assert isinstance(results[1], (sqlite3.IntegrityError, asyncpg.UniqueViolationError))
    assert not isinstance(results[0], BaseException) and not isinstance(results[2], BaseException)
    rows = await db.fetchall("SELECT url FROM sources ORDER BY url")
    assert [r[0] for r in rows] == ["a", "b", "taken"]


async def test_jobs_and_statements_interleave_in_order(db: Database) -> None:
    async def job_ok(conn: Conn) -> None:
        await conn.execute("INSERT INTO sources (url) VALUES ('job1')")

    async def job_bad(conn: Conn) -> None:
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


async def test_otherwise_runs_in_the_same_transaction_only_when_nothing_happened(
    db: Database,
) -> None:
    insert = "INSERT INTO sources (url) VALUES (?) ON CONFLICT DO NOTHING RETURNING 'new', id"
    why = "SELECT 'exists', id FROM sources WHERE url = ?"
    # The same url twice in one group: the second insert does nothing, and its `otherwise`
    # sees the first one's row, which is not committed yet: same transaction.
    first, second, other = await asyncio.gather(
        db.write_statement(insert, ("dup",), otherwise=(why, ("dup",))),
        db.write_statement(insert, ("dup",), otherwise=(why, ("dup",))),
        db.write_statement(insert, ("solo",), otherwise=(why, ("solo",))),
    )
    assert first[0][0] == "new" and other[0][0] == "new"
    assert tuple(second[0]) == ("exists", first[0][1])
    none = await db.write_statement(
        "DELETE FROM sources WHERE url = 'absent' RETURNING id",
        otherwise=("SELECT id FROM sources WHERE url = 'absent'", ()),
    )
    assert none == []
    # A statement that changed a row but returns none does not run `otherwise`.
    quiet = "INSERT INTO sources (url) VALUES (?) ON CONFLICT DO NOTHING"
    inserted, skipped = await asyncio.gather(
        db.write_statement(quiet, ("quiet",), otherwise=(why, ("quiet",))),
        db.write_statement(quiet, ("quiet",), otherwise=(why, ("quiet",))),
    )
    assert inserted == [] and skipped[0][0] == "exists"


async def test_groups_starting_or_ending_with_a_job_commit(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "shapes.db")

    async def job(conn: Conn) -> None:
        await conn.execute("INSERT INTO sources (url) VALUES ('job')")

    async def undo(conn: Conn) -> None:
        await conn.execute("DELETE FROM sources WHERE url = 'job'")

    try:
        # Queued before the writer runs, so each gather is one group: [job, statement]
        # then [statement, job]. BEGIN and COMMIT are issued on their own there.
        await asyncio.gather(database.write(job), database.write_statement(INSERT, ("after",)))
        await asyncio.gather(database.write_statement(INSERT, ("before",)), database.write(undo))
        assert database.commits == 2
    finally:
        await database.close()
    plain = sqlite3.connect(tmp_path / "shapes.db")  # a fresh connection: committed state
    try:
        urls = [r[0] for r in plain.execute("SELECT url FROM sources ORDER BY id")]
    finally:
        plain.close()
    assert urls == ["after", "before"]


@pytest.mark.sqlite_only("INSERT OR ROLLBACK is SQLite's own conflict clause")
async def test_a_statement_that_rolls_back_the_transaction_fails_its_whole_group(
    db: Database,
) -> None:
    await db.write_statement(INSERT, ("taken",))
    # OR ROLLBACK: a conflict undoes the whole transaction, the rows queued before it too.
    # Nobody in the group may then be told their write is committed.
    results = await asyncio.gather(
        db.write_statement(INSERT, ("before",)),
        db.write_statement("INSERT OR ROLLBACK INTO sources (url) VALUES ('taken')"),
        db.write_statement(INSERT, ("after",)),
        return_exceptions=True,
    )
    assert all(isinstance(r, sqlite3.Error) for r in results), results
    rows = await db.fetchall("SELECT url FROM sources ORDER BY url")
    assert [r[0] for r in rows] == ["taken"]
    assert await db.write_statement(INSERT, ("later",))  # the writer carries on

"""How the writer runs one group's work: runs of plain statements in one call on the
writer thread, jobs each in a savepoint. Used by storage/db.py's group commit."""

from __future__ import annotations

import functools
import sqlite3
from typing import Any

import aiosqlite

from storage.group_commit import Statement
from storage.sql import WriteJob


async def run_statements(
    conn: aiosqlite.Connection, statements: list[Statement], *, begin: bool, commit: bool
) -> list[tuple[bool, Any]]:
    """Run a run of statements (and BEGIN/COMMIT around them) in one writer-thread call.

    aiosqlite has no public call for "run this function on the connection's thread", so
    this uses its queueing primitive `_execute` (aiosqlite is pinned in pyproject.toml;
    tests/storage/test_db_statements.py exercises this path)."""
    raw = conn._conn
    work = functools.partial(_statements_on_thread, raw, statements, begin, commit)
    outcomes: list[tuple[bool, Any]] = await conn._execute(work)  # type: ignore[no-untyped-call]
    return outcomes


def _statements_on_thread(
    raw: sqlite3.Connection, statements: list[Statement], begin: bool, commit: bool
) -> list[tuple[bool, Any]]:
    # Runs on the writer thread: plain sqlite3 calls, no event loop.
    if begin:
        raw.execute("BEGIN IMMEDIATE")
    outcomes: list[tuple[bool, Any]] = []
    cursor = raw.cursor()
    for statement in statements:
        try:
            rows = cursor.execute(statement.sql, statement.params).fetchall()
            if statement.otherwise is not None and not rows and cursor.rowcount < 1:
                rows = cursor.execute(*statement.otherwise).fetchall()
        except sqlite3.Error as exc:
            if not raw.in_transaction:
                # Some errors (I/O, disk full) make SQLite roll the whole transaction back:
                # the statements before this one are gone too, so the group must fail.
                raise
            outcomes.append((False, exc))
            continue
        outcomes.append((True, rows))
    if commit:
        raw.execute("COMMIT")
    return outcomes


async def run_in_savepoint(conn: aiosqlite.Connection, job: WriteJob[Any]) -> tuple[bool, Any]:
    # A job that succeeds leaves its savepoint open: the next job's savepoint nests inside
    # it and COMMIT releases them all. That saves one trip to the writer thread per job
    # (a RELEASE), and isolation holds: a failing job rolls back to its own savepoint, the
    # innermost one, which undoes its changes and nothing of the jobs before it.
    await conn.execute("SAVEPOINT job")
    try:
        value = await job(conn)
    except Exception as exc:
        try:
            await conn.execute("ROLLBACK TO job")
        except sqlite3.OperationalError:
            # SQLite already rolled the whole transaction back (a full disk or an I/O error
            # does that), so the savepoint is gone: the job's own error is what happened, to
            # the whole group, not "no such savepoint".
            raise exc from None
        return False, exc
    return True, value

"""Numbered SQL migrations (storage/migrations/NNNN_*.sql), applied at open.

The schema's version is SQLite's `PRAGMA user_version`; every migration newer than it runs
in one transaction, so a database is never left half-migrated. Several processes may open a
new file at once (two bots, a bot and an import): the one that migrates first takes the
write lock (BEGIN IMMEDIATE) and only then reads the version, so the others wait, read the
new version and have nothing left to do.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from pathlib import Path

import aiosqlite

from storage.errors import Busy, DiskFull, is_busy, is_disk_full

log = logging.getLogger("counterwatch.db")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
LOCK_WAIT_S = 60.0  # how long opening waits for another process's migration or import
_RETRY_PAUSE_S = 0.05


def migration_files(folder: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    """The numbered migrations in `folder` (SQLite's by default; PostgreSQL's live in
    migrations/postgres), in order, refusing a gap in their numbering."""
    found = []
    for path in sorted(folder.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:4]), path))
    numbers = [n for n, _ in found]
    # Contiguous numbering: a migration added below the newest one would be skipped silently
    # on databases that are already past it.
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 0001.. without gaps, found {numbers}")
    return found


def statements(script: str) -> list[str]:
    """A script split into its statements (triggers and ';' inside strings included): run
    one by one, they stay inside our transaction, where executescript would COMMIT first."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if any(part.strip() and not part.strip().startswith("--") for part in pending.splitlines()):
        raise RuntimeError("a migration ends with an incomplete statement")
    return found


async def execute_while_busy(
    conn: aiosqlite.Connection, sql: str, wait_s: float = LOCK_WAIT_S
) -> None:
    """Run `sql`, retrying while another connection holds a lock (past its busy timeout,
    and also where SQLite does not call the busy handler at all, e.g. switching to WAL)."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            await conn.execute(sql)
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            if time.monotonic() >= deadline:
                raise Busy() from exc
        await asyncio.sleep(_RETRY_PAUSE_S)


async def _user_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def apply_migrations(conn: aiosqlite.Connection, wait_s: float = LOCK_WAIT_S) -> int:
    """Apply every migration newer than PRAGMA user_version, all in one transaction."""
    files = migration_files()
    newest = files[-1][0] if files else 0
    # Versions only grow: a database already at the newest needs no lock (a bot opening
    # while an import holds the write lock for minutes must not wait for it).
    if await _user_version(conn) >= newest:
        return newest
    await execute_while_busy(conn, "BEGIN IMMEDIATE", wait_s)
    try:
        current = await _user_version(conn)  # read under the lock: final
        todo = [(n, p) for n, p in files if n > current]
        for _, path in todo:
            for statement in statements(path.read_text(encoding="utf-8")):
                await conn.execute(statement)
        if todo:
            # user_version lives in the database header, inside the transaction.
            await conn.execute(f"PRAGMA user_version = {todo[-1][0]}")
        await conn.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(Exception):
            await conn.execute("ROLLBACK")
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise
    if todo:
        log.info("database migrated from version %d to %d", current, todo[-1][0])
    return max(current, newest)

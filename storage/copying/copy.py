"""Copy one Counterwatch database into another, empty one: SQLite into PostgreSQL, or back
(or SQLite to SQLite, PostgreSQL to PostgreSQL: the same code).

Both are opened with `open_database`, which migrates each to the newest schema, so their
tables should match; they are compared all the same (tables, columns, the kind of value
each column holds), and a difference is refused before anything is written. The source is
read in one read-only transaction, the destination written in one transaction
(storage/copying/destination.py): all or nothing, counts checked per table before commit.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from storage.copying.destination import fill_postgres, fill_sqlite, pg_schema, sqlite_schema
from storage.copying.schema import CopyRefused, Table, foreign_key_order, mismatches
from storage.copying.source import Source, open_source
from storage.errors import Refused
from storage.open import is_postgres, open_database, sqlite_path
from storage.postgres.db import LOCK_TIMEOUT_MS
from storage.sql import Db


@dataclass(frozen=True)
class Copied:
    counts: list[tuple[str, int]]  # (table, rows) in the order they were copied
    seconds: float

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


async def copy_database(src_url: str, dst_url: str) -> Copied:
    """Copy every row of `src_url` into `dst_url`, which must hold none. Raises CopyRefused
    (nothing written) or any error of the copy (rolled back: the destination stays empty)."""
    started = time.perf_counter()
    await _refuse_unless_counterwatch(src_url)
    src_db = await _open("source", src_url)  # migrated to the newest schema on open
    try:
        dst_db = await _open("destination", dst_url)
        try:
            source = await open_source(
                src_url, None if is_postgres(src_url) else sqlite_path(src_url)
            )
            try:
                counts = await _copy(source, dst_db, dst_url)
            finally:
                await source.close()
        finally:
            await dst_db.close()
    finally:
        await src_db.close()
    return Copied(counts, time.perf_counter() - started)


# What a statement of the copy raises when it fails (rolled back), or a connection that broke on
# the way: the command line reports it in one line without naming a driver itself.
COPY_ERRORS = (OSError, sqlite3.Error, asyncpg.PostgresError, asyncpg.InterfaceError)

# What opening a database that cannot be reached raises: a refused or timed-out connection, a
# database or user the server does not know, a bad password, a file that is not a database.
UNREACHABLE = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError, sqlite3.Error)


async def _open(which: str, url: str) -> Db:
    try:
        return await open_database(url)
    except Refused as exc:  # open_database's own line (a server that cannot be reached)
        raise CopyRefused(f"cannot open the {which}: {exc.message.rstrip('.')}") from exc
    except UNREACHABLE as exc:
        raise CopyRefused(f"cannot open the {which}: {_reason(exc)}") from exc


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}".rstrip(": ")


async def _refuse_unless_counterwatch(src_url: str) -> None:
    """Opening migrates: a source that is some other program's database (or an empty one)
    would be given Counterwatch's tables. Refused before it is opened."""
    try:
        if is_postgres(src_url):
            conn: asyncpg.Connection = await asyncpg.connect(src_url)
            try:
                known = await conn.fetchval("SELECT to_regclass('schema_version') IS NOT NULL")
            finally:
                await conn.close()
        else:
            known = await asyncio.to_thread(_sqlite_version, sqlite_path(src_url)) > 0
    except UNREACHABLE as exc:
        raise CopyRefused(f"cannot open the source: {_reason(exc)}") from exc
    if not known:
        raise CopyRefused("the source is not a Counterwatch database (it has no schema version)")


def _sqlite_version(path: str) -> int:
    if not Path(path).is_file():
        raise CopyRefused(f"the source {path} does not exist")
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


async def _copy(source: Source, dst_db: Db, dst_url: str) -> list[tuple[str, int]]:
    src_tables = await source.tables()
    if is_postgres(dst_url):
        conn: asyncpg.Connection = await asyncpg.connect(
            dst_url, server_settings={"lock_timeout": str(LOCK_TIMEOUT_MS)}
        )
        try:
            order, expected = await _plan(source, src_tables, await pg_schema(conn))
            await fill_postgres(conn, source, order, expected)
        finally:
            await conn.close()
    else:
        order, expected = await _plan(source, src_tables, await sqlite_schema(dst_db))
        await fill_sqlite(dst_db, source, order, expected)
    return [(table.name, expected[table.name]) for table in order]


async def _plan(
    source: Source, src_tables: dict[str, Table], dst_tables: dict[str, Table]
) -> tuple[list[Table], dict[str, int]]:
    """The tables in foreign-key order (the destination's, with the columns both name) and
    each one's row count in the source's snapshot."""
    differences = mismatches(src_tables, dst_tables)
    if differences:
        shown = "; ".join(differences[:3])
        more = f" (and {len(differences) - 3} more)" if len(differences) > 3 else ""
        raise CopyRefused(
            f"the two databases' schemas differ: {shown}{more}; both were migrated to the "
            "newest schema this version knows, so one of them was changed by hand or by "
            "another version"
        )
    order = foreign_key_order(src_tables)
    expected = {table.name: await source.count(table) for table in order}
    return order, expected

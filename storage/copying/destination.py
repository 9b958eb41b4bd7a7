"""Filling the database a copy goes to, in ONE transaction: refuse if it holds any row, copy
every table in foreign-key order keeping the ids, check each table's count against the
source's, move the id sequences past the copied ids, and only then commit. Anything that
fails on the way rolls the whole copy back: the destination is left as empty as it was.

SQLite: a write job of the database's group commit (`Db.write`), inserting CHUNK rows per
executemany; foreign keys are checked once at the end (`defer_foreign_keys`, then
`foreign_key_check`), so rows that point at later rows of their own table (an undone
change names the change that undid it) go in in id order.
PostgreSQL: a connection of its own, for asyncpg's COPY (`copy_records_to_table`), one COPY
per table streaming the source's chunks; a COPY is one statement, so the same self-references
pass the foreign-key check made at its end. The tables are locked against other writers
(reads still pass) from the emptiness check to the commit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import asyncpg

from storage.copying.schema import CopyFailed, CopyRefused, Table, pg_tables, quote, sqlite_tables
from storage.copying.source import Source
from storage.sql import Conn, Db

SHOWN = 3  # tables named when refusing a destination that holds data
Scalar = Callable[[str], Awaitable[Any]]  # one value from a query on the destination


async def refuse_unless_empty(scalar: Scalar, order: list[Table]) -> None:
    held = []
    for table in order:
        count = int(await scalar(f"SELECT count(*) FROM {quote(table.name)}"))
        if count:
            held.append(f"{table.name}: {rows(count)}")
    if held:
        shown = ", ".join(held[:SHOWN])
        if len(held) > SHOWN:
            shown += f" and {len(held) - SHOWN} more tables"
        raise CopyRefused(
            f"the destination already holds data ({shown}); copy-db only fills an empty database"
        )


async def verify_counts(scalar: Scalar, order: list[Table], expected: dict[str, int]) -> None:
    for table in order:
        count = int(await scalar(f"SELECT count(*) FROM {quote(table.name)}"))
        if count != expected[table.name]:
            raise CopyFailed(
                f"{table.name}: the destination holds {rows(count)} after the copy, "
                f"the source {rows(expected[table.name])}"
            )


def rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


async def _max_id(scalar: Scalar, table: Table) -> int:
    assert table.identity is not None
    found = await scalar(f"SELECT max({quote(table.identity)}) FROM {quote(table.name)}")
    return int(found or 0)


# --- SQLite ---------------------------------------------------------------------------------


async def sqlite_schema(db: Db) -> dict[str, Table]:
    return await sqlite_tables(db.fetchall)


async def fill_sqlite(db: Db, source: Source, order: list[Table], expected: dict[str, int]) -> None:
    async def job(conn: Conn) -> None:
        async def scalar(sql: str) -> Any:
            found = list(await conn.execute_fetchall(sql))
            return found[0][0]

        await refuse_unless_empty(scalar, order)
        await conn.execute("PRAGMA defer_foreign_keys = ON")  # reset when the copy commits
        for table in order:
            columns = ", ".join(map(quote, table.columns))
            marks = ", ".join("?" for _ in table.columns)
            insert = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})"
            async for chunk in source.chunks(table):
                await conn.executemany(insert, chunk)
        broken = list(await conn.execute_fetchall("PRAGMA foreign_key_check"))
        if broken:
            table_name, rowid, parent = broken[0][0], broken[0][1], broken[0][2]
            raise CopyFailed(
                f"{len(broken)} rows point at rows that are not there (first: {table_name} "
                f"row {rowid} -> {parent})"
            )
        await verify_counts(scalar, order, expected)
        await _sqlite_sequences(conn, scalar, source, order)

    await db.write(job)


async def _sqlite_sequences(conn: Conn, scalar: Scalar, source: Source, order: list[Table]) -> None:
    """AUTOINCREMENT tables remember the highest id ever used in sqlite_sequence (inserting
    the copied ids already raised it to the highest copied): a source whose highest id was
    deleted had handed it out, so it is never handed out again here either."""
    autoincrement = {
        str(row[0])
        for row in await conn.execute_fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'"
        )
    }
    for table in order:
        if table.name not in autoincrement or table.identity is None:
            continue
        highest = max(await source.high_water(table), await _max_id(scalar, table))
        if not highest:
            continue
        cursor = await conn.execute(
            "UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?",
            (highest, table.name, highest),
        )
        present = await conn.execute_fetchall(
            "SELECT 1 FROM sqlite_sequence WHERE name = ?", (table.name,)
        )
        if cursor.rowcount < 1 and not list(present):
            await conn.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table.name, highest)
            )


# --- PostgreSQL -----------------------------------------------------------------------------


async def pg_schema(conn: asyncpg.Connection) -> dict[str, Table]:
    return await pg_tables(conn.fetch)


async def fill_postgres(
    conn: asyncpg.Connection, source: Source, order: list[Table], expected: dict[str, int]
) -> None:
    async with conn.transaction():
        if order:
            names = ", ".join(quote(table.name) for table in order)
            # EXCLUSIVE: no other process writes to them until the copy commits; reads pass.
            await conn.execute(f"LOCK TABLE {names} IN EXCLUSIVE MODE")
        await refuse_unless_empty(conn.fetchval, order)
        for table in order:
            await conn.copy_records_to_table(
                table.name, records=_records(source.chunks(table)), columns=list(table.columns)
            )
        await verify_counts(conn.fetchval, order, expected)
        for table in order:
            if table.identity is None:
                continue
            # The next id the identity hands out is past every id the source ever used.
            highest = max(await source.high_water(table), await _max_id(conn.fetchval, table))
            if highest:
                await conn.execute(
                    "SELECT setval(pg_get_serial_sequence($1, $2), $3)",
                    quote(table.name),
                    table.identity,
                    highest,
                )


async def _records(chunks: AsyncIterator[list[tuple[Any, ...]]]) -> AsyncIterator[tuple[Any, ...]]:
    async for chunk in chunks:
        for record in chunk:
            yield record

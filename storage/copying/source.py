"""Reading the database a copy comes from: one read-only transaction on a connection of its
own, so that every table is read at the same moment (a bot still writing to the source
cannot make the counts disagree), streamed in chunks of CHUNK rows ordered by primary key."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Protocol

import aiosqlite
import asyncpg

from storage.copying.schema import Table, pg_tables, quote, sqlite_tables

CHUNK = 1000  # rows held in memory at once per table being copied


class Source(Protocol):
    async def tables(self) -> dict[str, Table]: ...

    async def count(self, table: Table) -> int: ...

    def chunks(self, table: Table) -> AsyncIterator[list[tuple[Any, ...]]]:
        """The table's rows (its columns in `table.columns` order), CHUNK at a time."""
        ...

    async def high_water(self, table: Table) -> int:
        """The highest id the table's identity ever handed out (0: none, or no identity):
        a deleted row's id, which AUTOINCREMENT never hands out again, included."""
        ...

    async def close(self) -> None: ...


def select_all(table: Table) -> str:
    order = table.primary_key or table.columns
    return (
        f"SELECT {', '.join(map(quote, table.columns))} FROM {quote(table.name)}"
        f" ORDER BY {', '.join(map(quote, order))}"
    )


class SqliteSource:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    @classmethod
    async def open(cls, path: str) -> SqliteSource:
        conn = await aiosqlite.connect(path, isolation_level=None)
        try:
            await conn.execute("PRAGMA query_only=ON")
            await conn.execute("BEGIN")
            # A read transaction's snapshot starts at its first read: now.
            await conn.execute_fetchall("SELECT count(*) FROM sqlite_master")
        except BaseException:
            await conn.close()
            raise
        return cls(conn)

    async def tables(self) -> dict[str, Table]:
        return await sqlite_tables(self._conn.execute_fetchall)

    async def count(self, table: Table) -> int:
        rows = list(await self._conn.execute_fetchall(f"SELECT count(*) FROM {quote(table.name)}"))
        return int(rows[0][0])

    async def chunks(self, table: Table) -> AsyncIterator[list[tuple[Any, ...]]]:
        async with self._conn.execute(select_all(table)) as cursor:
            while rows := await cursor.fetchmany(CHUNK):
                yield [tuple(row) for row in rows]

    async def high_water(self, table: Table) -> int:
        has_sequence = await self._conn.execute_fetchall(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'"
        )
        if not list(has_sequence):
            return 0
        rows = list(
            await self._conn.execute_fetchall(
                "SELECT seq FROM sqlite_sequence WHERE name = ?", (table.name,)
            )
        )
        return int(rows[0][0]) if rows else 0

    async def close(self) -> None:
        await self._conn.execute("ROLLBACK")
        await self._conn.close()


class PgSource:
    def __init__(self, conn: asyncpg.Connection, transaction: Any) -> None:
        self._conn = conn
        self._transaction = transaction

    @classmethod
    async def open(cls, url: str) -> PgSource:
        conn: asyncpg.Connection = await asyncpg.connect(url)
        try:
            transaction = conn.transaction(isolation="repeatable_read", readonly=True)
            await transaction.start()
        except BaseException:
            await conn.close()
            raise
        return cls(conn, transaction)

    async def tables(self) -> dict[str, Table]:
        return await pg_tables(self._conn.fetch)

    async def count(self, table: Table) -> int:
        return int(await self._conn.fetchval(f"SELECT count(*) FROM {quote(table.name)}"))

    async def chunks(self, table: Table) -> AsyncIterator[list[tuple[Any, ...]]]:
        chunk: list[tuple[Any, ...]] = []
        async for record in self._conn.cursor(select_all(table), prefetch=CHUNK):
            chunk.append(tuple(record))
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    async def high_water(self, table: Table) -> int:
        if table.identity is None:
            return 0
        sequence = await self._conn.fetchval(
            "SELECT pg_get_serial_sequence($1, $2)", quote(table.name), table.identity
        )
        if sequence is None:
            return 0
        # Not `quote`d: pg_get_serial_sequence names it quoted where needed.
        row = await self._conn.fetchrow(f"SELECT last_value, is_called FROM {sequence}")
        return int(row["last_value"]) if row is not None and row["is_called"] else 0

    async def close(self) -> None:
        try:
            await self._transaction.rollback()
        finally:
            await self._conn.close()


async def open_source(url: str, sqlite_file: str | None) -> Source:
    """`sqlite_file`: the file when the source is SQLite, else None (PostgreSQL at `url`)."""
    if sqlite_file is not None:
        return await SqliteSource.open(sqlite_file)
    return await PgSource.open(url)

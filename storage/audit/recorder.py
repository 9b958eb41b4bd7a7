"""Writing fact rows while remembering each row's exact before/after for the audit entry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from storage.audit.models import ChangeRefused, Row, RowWrite, as_row, check_table
from storage.sql import Conn, returned_id


async def locked_snapshot(conn: Conn, table: str, row_id: int) -> Row | None:
    """The row as it stands, locked until the transaction ends, before changing it.

    The first statement is a write that changes nothing: on PostgreSQL it waits for
    another process's transaction holding the row, so the `before` read next is the
    row as that one committed it (the audit entry is then true, and undo puts back what
    was really there). SQLite's write lock already serialises the two."""
    await conn.execute(f"UPDATE {check_table(table)} SET id = id WHERE id = ?", (row_id,))
    return await snapshot(conn, table, row_id)


async def snapshot(conn: Conn, table: str, row_id: int) -> Row | None:
    async with conn.execute(f"SELECT * FROM {check_table(table)} WHERE id = ?", (row_id,)) as cur:
        row = await cur.fetchone()
    return None if row is None else as_row(row)


@dataclass
class ChangeRecorder:
    """Writes fact rows and remembers each row's before/after for the audit entry."""

    conn: Conn
    writes: list[RowWrite] = field(default_factory=list)

    async def insert(self, table: str, values: Mapping[str, object]) -> int:
        columns = ", ".join(values)
        marks = ", ".join("?" * len(values))
        cursor = await self.conn.execute(
            f"INSERT INTO {check_table(table)} ({columns}) VALUES ({marks}) RETURNING id",
            tuple(values.values()),
        )
        row_id = await returned_id(cursor)
        self.writes.append(RowWrite(table, row_id, None, await snapshot(self.conn, table, row_id)))
        return row_id

    async def update(self, table: str, row_id: int, values: Mapping[str, object]) -> None:
        before = await locked_snapshot(self.conn, table, row_id)
        if before is None:
            raise ChangeRefused(f"{table} row {row_id} no longer exists.")
        assignments = ", ".join(f"{column} = ?" for column in values)
        await self.conn.execute(
            f"UPDATE {check_table(table)} SET {assignments} WHERE id = ?",
            (*values.values(), row_id),
        )
        self.writes.append(
            RowWrite(table, row_id, before, await snapshot(self.conn, table, row_id))
        )

    async def delete(self, table: str, row_id: int) -> Row:
        before = await locked_snapshot(self.conn, table, row_id)
        if before is None:
            raise ChangeRefused(f"{table} row {row_id} no longer exists.")
        await self.conn.execute(f"DELETE FROM {check_table(table)} WHERE id = ?", (row_id,))
        self.writes.append(RowWrite(table, row_id, before, None))
        return before

    async def source(self, url: str) -> int:
        """The id of the source with this URL, recording its creation when it is new."""
        async with self.conn.execute(
            "SELECT id FROM sources WHERE url = ? AND publisher = '' AND published = ''", (url,)
        ) as cursor:
            row = await cursor.fetchone()
        if row is not None:
            return int(row[0])
        return await self.insert("sources", {"url": url})

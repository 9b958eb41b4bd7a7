"""A run of plain statements in a group, sent to PostgreSQL in as few round trips as it can.

A burst of sign-ups is a run of the SAME statement with different parameters. Sent one at a
time, each waits for its answer before the next leaves: the writer is then bound by round
trips, not by work. asyncpg's `fetchmany` sends them all at once (one Bind/Execute each, one
Sync) and reads the answers together; to learn how many rows EACH changed, the statement is
wrapped so that every execution returns exactly one row, its count:

    WITH changed AS (<statement> RETURNING 1) SELECT count(*) FROM changed

A statement that returns rows of its own (SELECT, RETURNING) runs alone, as does any other.
A statement's `otherwise` (what to read when it changed nothing) runs after the whole batch,
in the same transaction: it explains why, e.g. "already signed up since ...".
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import asyncpg

from storage.group_commit import Statement
from storage.postgres.conn import PgConn, translate
from storage.sql import Row


@functools.lru_cache(maxsize=256)
def counted(sql: str) -> str | None:
    """The statement wrapped to return its own count, or None when it returns rows."""
    translated = translate(sql)
    if translated.returns_rows or translated.names:
        return None
    return f"WITH changed AS ({translated.sql} RETURNING 1) SELECT count(*) FROM changed"


def batches(run: list[Statement]) -> Iterator[list[Statement]]:
    """Consecutive statements with the same SQL, in order."""
    batch: list[Statement] = []
    for statement in run:
        if batch and statement.sql != batch[0].sql:
            yield batch
            batch = []
        batch.append(statement)
    if batch:
        yield batch


async def run_pipelined(conn: asyncpg.Connection, run: list[Statement]) -> list[list[Row]]:
    """Every statement's rows, in order; a failure raises (the transaction is then aborted,
    and the caller runs the group again with a savepoint per statement)."""
    results: list[list[Row]] = []
    for batch in batches(run):
        wrapped = counted(batch[0].sql) if len(batch) > 1 else None
        if wrapped is None:
            for statement in batch:
                results.append(await statement_rows(PgConn(conn), statement))
        else:
            results.extend(await _counted_batch(conn, wrapped, batch))
    return results


async def _counted_batch(
    conn: asyncpg.Connection, wrapped: str, batch: list[Statement]
) -> list[list[Row]]:
    records = await conn.fetchmany(wrapped, [statement.params for statement in batch])
    results: list[list[Row]] = []
    for statement, record in zip(batch, records, strict=True):
        rows: list[Row] = []
        if statement.otherwise is not None and int(record[0]) < 1:
            rows = await PgConn(conn).execute_fetchall(*statement.otherwise)
        results.append(rows)
    return results


async def statement_rows(conn: PgConn, statement: Statement) -> list[Row]:
    """One statement's rows (and its `otherwise`'s when it changed nothing)."""
    cursor = await conn.execute(statement.sql, statement.params)
    rows = list(await cursor.fetchall())
    if statement.otherwise is not None and not rows and cursor.rowcount < 1:
        cursor = await conn.execute(*statement.otherwise)
        rows = list(await cursor.fetchall())
    return rows

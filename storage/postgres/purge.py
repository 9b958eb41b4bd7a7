"""After /forgetme: rewrite the tables an erasure touched, so no old row version remains.

PostgreSQL never overwrites a row in place: DELETE marks the row version dead and UPDATE
writes a new version beside the old one, so overwriting the personal columns before the
DELETE leaves one more copy, not fewer. Plain VACUUM frees dead versions for reuse but
does not clear their bytes: a row that ends up in a page's free space stays readable in
the table's and its indexes' files (measured on PostgreSQL 15: the last row written to a
page, deleted and vacuumed, was still in both files after CHECKPOINT). VACUUM FULL writes
the live rows into new files and drops the old ones (the indexes are rebuilt too), which
is the only way the database itself clears them.

VACUUM FULL holds an ACCESS EXCLUSIVE lock on the table while it copies it: it runs after
the erasure committed, outside any transaction, on a connection of its own, and gives up
on a table (reported, nothing lost: the erasure has committed) rather than keep everyone
waiting: it waits at most PURGE_LOCK_WAIT_MS for the lock and runs at most
PURGE_RUN_MS.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import asyncpg

log = logging.getLogger("counterwatch.db")

# A chat command waits behind the lock: both bounds are a few seconds at most.
PURGE_LOCK_WAIT_MS = 2000
PURGE_RUN_MS = 5000
# A lock or time limit reached, the server gone: the table keeps its old files for now.
_FAILURES = (OSError, asyncpg.PostgresError, asyncpg.InterfaceError)
_TABLE = re.compile(r"[a-z_][a-z0-9_]*")


async def vacuum_full(url: str, tables: Sequence[str]) -> list[str]:
    """VACUUM FULL each table in turn; returns the tables it could not rewrite."""
    for table in tables:
        if not _TABLE.fullmatch(table):  # names come from the code, never from a person
            raise ValueError(f"not a table name: {table!r}")
    settings = {"lock_timeout": str(PURGE_LOCK_WAIT_MS), "statement_timeout": str(PURGE_RUN_MS)}
    try:
        conn = await asyncpg.connect(url, server_settings=settings)
    except _FAILURES as exc:
        log.warning(
            "purge after erasure: cannot connect (%s); erased rows' old versions stay in the"
            " files of %s until VACUUM FULL runs on them",
            type(exc).__name__,
            ", ".join(tables),
        )
        return list(tables)
    left: list[str] = []
    try:
        for table in tables:
            try:
                rewritten = await _rewrite(conn, table)
                why = "" if rewritten else "not its owner"
            except _FAILURES as exc:
                why = type(exc).__name__
            if why:
                log.warning(
                    "purge after erasure: %s not rewritten (%s); erased rows' old versions stay"
                    " in its files until VACUUM FULL %s runs",
                    table,
                    why,
                    table,
                )
                left.append(table)
    finally:
        conn.terminate()  # this connection has no transaction to finish; the server may be gone
    return left


async def _rewrite(conn: asyncpg.Connection, table: str) -> bool:
    """VACUUM FULL `table`; True when it really got new files. PostgreSQL only warns, and
    skips the table, when the role does not own it: its file number then stays the same."""
    before = await conn.fetchval("SELECT pg_relation_filenode($1::regclass)", table)
    await conn.execute(f"VACUUM (FULL) {table}")
    after = await conn.fetchval("SELECT pg_relation_filenode($1::regclass)", table)
    return bool(after != before)

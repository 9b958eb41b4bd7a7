"""The tables and columns of a test database, whichever its backend (for tests that search
every column, e.g. that an erased name is gone everywhere)."""

from __future__ import annotations

from storage.sql import Db


async def table_columns(db: Db) -> dict[str, list[str]]:
    if db.dialect == "postgres":
        rows = await db.fetchall(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
        )
    else:
        rows = await db.fetchall(
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
            " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid"
        )
    found: dict[str, list[str]] = {}
    for table, column in (tuple(row) for row in rows):
        found.setdefault(str(table), []).append(str(column))
    return found

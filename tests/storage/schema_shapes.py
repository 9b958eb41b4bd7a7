"""The shape of a migrated schema, read the same way from SQLite and from PostgreSQL, so a
test can compare the two backends: tables with their columns (in order) and NOT NULL-ness,
primary and unique keys, foreign keys with their ON DELETE, and named indexes (partial or not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import asyncpg

from storage.db import Database

Key = tuple[str, tuple[str, ...]]  # (table, columns in key order)
ForeignKey = tuple[str, str, str, str, str]  # table, column, referenced table, column, on delete


@dataclass
class SchemaShape:
    columns: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # (name, not null)
    keys: set[tuple[str, Key]] = field(default_factory=set)  # ('primary' | 'unique', key)
    foreign_keys: set[ForeignKey] = field(default_factory=set)
    indexes: set[tuple[str, bool]] = field(default_factory=set)  # (name, partial)


async def sqlite_shape(db: Database) -> SchemaShape:
    shape = SchemaShape()
    tables = await db.fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    for (table,) in tables:
        info = await db.fetchall(f"SELECT name, \"notnull\", pk FROM pragma_table_info('{table}')")
        # A primary-key column counts as NOT NULL: PostgreSQL enforces it, and SQLite's
        # rowid tables allow a NULL there only through a historical quirk.
        shape.columns[table] = [(name, bool(notnull or pk)) for name, notnull, pk in info]
        primary = tuple(name for name, _, pk in sorted(info, key=lambda row: row[2]) if pk)
        shape.keys.add(("primary", (table, primary)))
        await _sqlite_uniques(db, table, shape)
        for row in await db.fetchall(
            f'SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list(\'{table}\')'
        ):
            shape.foreign_keys.add((table, row[0], row[1], row[2], row[3]))
    for name, sql in await db.fetchall(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ):
        shape.indexes.add((name, " WHERE " in " ".join(sql.split())))
    return shape


async def _sqlite_uniques(db: Database, table: str, shape: SchemaShape) -> None:
    for (index,) in await db.fetchall(
        f"SELECT name FROM pragma_index_list('{table}') WHERE origin = 'u'"
    ):
        columns = await db.fetchall(f"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno")
        shape.keys.add(("unique", (table, tuple(name for (name,) in columns))))


_PG_COLUMNS = """
SELECT table_name, column_name, is_nullable = 'NO' FROM information_schema.columns
WHERE table_schema = 'public' AND table_name <> 'schema_version'
ORDER BY table_name, ordinal_position"""
_PG_KEYS = """
SELECT c.contype::text, c.conrelid::regclass::text,
       array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
             ORDER BY k.n)::text[]
FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
WHERE s.nspname = 'public' AND c.contype IN ('p', 'u')
  AND c.conrelid::regclass::text <> 'schema_version'"""
_PG_FOREIGN_KEYS = """
SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, r.attname,
       c.confdeltype::text
FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
WHERE c.contype = 'f'"""
_PG_INDEXES = """
SELECT i.indexname, i.indexdef LIKE '% WHERE %' FROM pg_indexes i
WHERE i.schemaname = 'public' AND NOT EXISTS (
    SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)"""
_ON_DELETE = {
    "a": "NO ACTION",
    "r": "RESTRICT",
    "c": "CASCADE",
    "n": "SET NULL",
    "d": "SET DEFAULT",
}


async def postgres_shape(conn: asyncpg.Connection) -> SchemaShape:
    shape = SchemaShape()
    for table, column, not_null in await conn.fetch(_PG_COLUMNS):
        shape.columns.setdefault(table, []).append((column, not_null))
    for kind, table, columns in await conn.fetch(_PG_KEYS):
        shape.keys.add(("primary" if kind == "p" else "unique", (table, tuple(columns))))
    for table, column, parent, parent_column, on_delete in await conn.fetch(_PG_FOREIGN_KEYS):
        shape.foreign_keys.add((table, column, parent, parent_column, _ON_DELETE[on_delete]))
    for name, partial in await conn.fetch(_PG_INDEXES):
        shape.indexes.add((name, partial))
    return shape

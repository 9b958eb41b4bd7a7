"""The tables a copy moves, read from each database's own catalog: their columns, primary
key, identity column and the tables their foreign keys point at; the check that source and
destination have the same ones; and the order that satisfies the foreign keys."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

# PostgreSQL's record of the migrations applied (SQLite keeps it in PRAGMA user_version):
# each database keeps its own, it is never copied.
BOOKKEEPING = frozenset({"schema_version"})

# Runs one query on the database being read and gives its rows (read by position or name).
Fetch = Callable[[str], Awaitable[Iterable[Any]]]


class CopyRefused(Exception):
    """The copy is refused before anything was written; the message says why."""


class CopyFailed(Exception):
    """The copy went wrong on the way and was rolled back; the message says where."""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]  # in the table's order
    kinds: tuple[str, ...]  # each column's kind: integer, real, text, blob or numeric
    primary_key: tuple[str, ...]
    parents: frozenset[str]  # the other tables its foreign keys reference
    identity: str | None  # the column whose values a sequence (or SQLite's rowid) hands out


def sqlite_kind(declared: str) -> str:
    """SQLite's type affinity of a declared column type (the rules of its datatype3 page)."""
    upper = declared.upper()
    if "INT" in upper:
        return "integer"
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT")):
        return "text"
    if not upper or "BLOB" in upper:
        return "blob"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "real"
    return "numeric"


_PG_KINDS = {
    "bigint": "integer",
    "integer": "integer",
    "smallint": "integer",
    "double precision": "real",
    "real": "real",
    "text": "text",
    "bytea": "blob",
    "numeric": "numeric",
}


def pg_kind(declared: str) -> str:
    if declared.startswith(("character", "varchar")):
        return "text"
    return _PG_KINDS.get(declared, declared)


async def sqlite_tables(fetch: Fetch) -> dict[str, Table]:
    names = [
        str(row[0])
        for row in await fetch(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%'"
            " ESCAPE '\\' ORDER BY name"
        )
    ]
    tables: dict[str, Table] = {}
    for name in names:
        if name in BOOKKEEPING:
            continue
        info = list(await fetch(f"PRAGMA table_info({quote(name)})"))
        # (cid, name, type, notnull, default, pk): pk is the column's place in the key, or 0
        columns = tuple(str(row[1]) for row in info)
        kinds = tuple(sqlite_kind(str(row[2] or "")) for row in info)
        key = tuple(str(row[1]) for row in sorted(info, key=lambda r: r[5]) if row[5])
        foreign = await fetch(f"PRAGMA foreign_key_list({quote(name)})")
        parents = frozenset(str(row[2]) for row in foreign) - {name}
        # INTEGER PRIMARY KEY is the rowid: SQLite hands out its values.
        declared = {str(row[1]): str(row[2] or "").upper() for row in info}
        identity = key[0] if len(key) == 1 and declared[key[0]] == "INTEGER" else None
        tables[name] = Table(name, columns, kinds, key, parents, identity)
    return tables


_PG_COLUMNS = """
SELECT c.relname AS table_name, a.attname AS column_name,
       format_type(a.atttypid, NULL) AS declared,
       pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
ORDER BY c.relname, a.attnum"""

_PG_CONSTRAINTS = """
SELECT c.relname AS table_name, con.contype AS kind, parent.relname AS parent,
       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, place)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.place) AS columns
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
LEFT JOIN pg_class parent ON parent.oid = con.confrelid
WHERE c.relnamespace = current_schema()::regnamespace AND con.contype IN ('p', 'f')"""


async def pg_tables(fetch: Fetch) -> dict[str, Table]:
    columns: dict[str, list[tuple[str, str, str | None]]] = {}
    for row in await fetch(_PG_COLUMNS):
        columns.setdefault(row["table_name"], []).append(
            (row["column_name"], pg_kind(row["declared"]), row["sequence"])
        )
    keys: dict[str, tuple[str, ...]] = {}
    parents: dict[str, set[str]] = {}
    for row in await fetch(_PG_CONSTRAINTS):
        if row["kind"] == "p":
            keys[row["table_name"]] = tuple(row["columns"])
        elif row["parent"] != row["table_name"]:
            parents.setdefault(row["table_name"], set()).add(row["parent"])
    tables: dict[str, Table] = {}
    for name, cols in sorted(columns.items()):
        if name in BOOKKEEPING:
            continue
        identity = next((col for col, _, sequence in cols if sequence), None)
        tables[name] = Table(
            name,
            tuple(col for col, _, _ in cols),
            tuple(kind for _, kind, _ in cols),
            keys.get(name, ()),
            frozenset(parents.get(name, ())),
            identity,
        )
    return tables


def mismatches(source: dict[str, Table], destination: dict[str, Table]) -> list[str]:
    """How the two schemas differ (nothing: they match), one short phrase per difference."""
    found: list[str] = []
    for name in sorted(source.keys() - destination.keys()):
        found.append(f"table {name} is missing from the destination")
    for name in sorted(destination.keys() - source.keys()):
        found.append(f"table {name} is missing from the source")
    for name in sorted(source.keys() & destination.keys()):
        src, dst = source[name], destination[name]
        src_kinds = dict(zip(src.columns, src.kinds, strict=True))
        dst_kinds = dict(zip(dst.columns, dst.kinds, strict=True))
        for column in src.columns:
            if column not in dst_kinds:
                found.append(f"column {name}.{column} is missing from the destination")
            elif src_kinds[column] != dst_kinds[column]:
                found.append(
                    f"column {name}.{column} holds {src_kinds[column]} in the source but "
                    f"{dst_kinds[column]} in the destination"
                )
        for column in dst.columns:
            if column not in src_kinds:
                found.append(f"column {name}.{column} is missing from the source")
    return found


def foreign_key_order(tables: dict[str, Table]) -> list[Table]:
    """Every table after the tables it references (a table referencing itself is copied in
    one statement, or with its check deferred, so that does not constrain the order).
    Ties are broken by name, so the order is the same on every run."""
    ordered: list[Table] = []
    placed: set[str] = set()
    waiting = dict(sorted(tables.items()))
    while waiting:
        ready = [t for t in waiting.values() if t.parents & tables.keys() <= placed]
        if not ready:
            cycle = ", ".join(sorted(waiting))
            raise CopyRefused(f"the foreign keys of {cycle} form a cycle: no copy order")
        for table in ready:
            ordered.append(table)
            placed.add(table.name)
            del waiting[table.name]
    return ordered


def quote(identifier: str) -> str:
    """An identifier quoted for both SQLite and PostgreSQL."""
    return '"' + identifier.replace('"', '""') + '"'

"""The audit log: every change to the facts, with its author, source and exact before/after.

A change is written by a `ChangeRecorder` inside the same `Database.write` job as the fact
rows it touches, so a fact never changes without its audit entry (and vice versa).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiosqlite

from storage.db import Database

# The tables an admin change may write, and the letter their ids carry in chat (D123).
FACT_PREFIX = {"deployments": "D", "company_events": "E", "laws": "L"}
WRITABLE_TABLES = frozenset({*FACT_PREFIX, "agencies", "sources"})

Row = dict[str, Any]


class ChangeRefused(Exception):
    """A change that cannot be made as asked; the message is meant for the admin."""


@dataclass(frozen=True)
class Author:
    platform: str
    workspace: str
    user_id: str
    user_name: str


@dataclass(frozen=True)
class RowWrite:
    table: str
    row_id: int
    before: Row | None
    after: Row | None


@dataclass(frozen=True)
class Change:
    """One audit entry as /facts history shows it."""

    id: int
    at: str
    author: Author
    command: str
    action: str
    target_table: str
    target_id: int | None
    before: Row | None
    after: Row | None
    source_url: str
    summary: str
    undoes: int | None
    undone_by: int | None

    @property
    def fact_id(self) -> str:
        prefix = FACT_PREFIX.get(self.target_table, "")
        return f"{prefix}{self.target_id}" if prefix and self.target_id is not None else ""


def dumps(row: Row | None) -> str | None:
    return None if row is None else json.dumps(row, sort_keys=True, ensure_ascii=False)


def loads(text: str | None) -> Row | None:
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else None


def as_row(row: Any) -> Row:
    """A sqlite3.Row as a plain dict (iterating a Row yields values, not keys)."""
    return dict(zip(row.keys(), tuple(row), strict=True))


def _check_table(table: str) -> str:
    # Table names cannot be bound parameters; only these fixed names ever reach SQL.
    if table not in WRITABLE_TABLES:
        raise ValueError(f"not a writable table: {table}")
    return table


async def snapshot(conn: aiosqlite.Connection, table: str, row_id: int) -> Row | None:
    async with conn.execute(f"SELECT * FROM {_check_table(table)} WHERE id = ?", (row_id,)) as cur:
        row = await cur.fetchone()
    return None if row is None else as_row(row)


@dataclass
class ChangeRecorder:
    """Writes fact rows and remembers each row's before/after for the audit entry."""

    conn: aiosqlite.Connection
    writes: list[RowWrite] = field(default_factory=list)

    async def insert(self, table: str, values: Mapping[str, object]) -> int:
        columns = ", ".join(values)
        marks = ", ".join("?" * len(values))
        cursor = await self.conn.execute(
            f"INSERT INTO {_check_table(table)} ({columns}) VALUES ({marks})",
            tuple(values.values()),
        )
        row_id = int(cursor.lastrowid or 0)
        self.writes.append(RowWrite(table, row_id, None, await snapshot(self.conn, table, row_id)))
        return row_id

    async def update(self, table: str, row_id: int, values: Mapping[str, object]) -> None:
        before = await snapshot(self.conn, table, row_id)
        if before is None:
            raise ChangeRefused(f"{table} row {row_id} no longer exists.")
        assignments = ", ".join(f"{column} = ?" for column in values)
        await self.conn.execute(
            f"UPDATE {_check_table(table)} SET {assignments} WHERE id = ?",
            (*values.values(), row_id),
        )
        self.writes.append(
            RowWrite(table, row_id, before, await snapshot(self.conn, table, row_id))
        )

    async def delete(self, table: str, row_id: int) -> Row:
        before = await snapshot(self.conn, table, row_id)
        if before is None:
            raise ChangeRefused(f"{table} row {row_id} no longer exists.")
        await self.conn.execute(f"DELETE FROM {_check_table(table)} WHERE id = ?", (row_id,))
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


@dataclass(frozen=True)
class ChangeEntry:
    """What the audit entry says about a change, besides the rows it wrote."""

    author: Author
    at: str
    command: str
    action: str
    source_url: str
    summary: str
    target_table: str = ""
    target_id: int | None = None
    subjects: tuple[str, ...] = ()
    undoes: int | None = None
    # Before/after of a target that is not one of the row writes (an import's dataset row).
    before: Row | None = None
    after: Row | None = None


async def record_change(
    conn: aiosqlite.Connection, entry: ChangeEntry, writes: Iterable[RowWrite] = ()
) -> int:
    """Insert the audit entry and its row writes; returns the change id."""
    writes = list(writes)
    target = next(
        (w for w in writes if w.table == entry.target_table and w.row_id == entry.target_id), None
    )
    author = entry.author
    cursor = await conn.execute(
        "INSERT INTO changes (at, platform, workspace, user_id, user_name, command, action,"
        " target_table, target_id, before_json, after_json, source_url, summary, undoes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.at,
            author.platform,
            author.workspace,
            author.user_id,
            author.user_name,
            entry.command,
            entry.action,
            entry.target_table,
            entry.target_id,
            dumps(target.before if target else entry.before),
            dumps(target.after if target else entry.after),
            entry.source_url,
            entry.summary,
            entry.undoes,
        ),
    )
    change_id = int(cursor.lastrowid or 0)
    await conn.executemany(
        "INSERT INTO change_rows (change_id, seq, table_name, row_id, before_json, after_json)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (change_id, seq, w.table, w.row_id, dumps(w.before), dumps(w.after))
            for seq, w in enumerate(writes)
        ],
    )
    await record_subjects(conn, change_id, entry.subjects)
    if entry.undoes is not None:
        await conn.execute(
            "UPDATE changes SET undone_by = ? WHERE id = ?", (change_id, entry.undoes)
        )
    return change_id


async def record_created(
    conn: aiosqlite.Connection, change_id: int, created: Mapping[str, Iterable[int]]
) -> int:
    """Remember the ids an import created (one executemany per table); returns the count."""
    total = 0
    for table, ids in created.items():
        rows = [(change_id, _check_table(table), int(row_id)) for row_id in ids]
        await conn.executemany(
            "INSERT OR IGNORE INTO change_created (change_id, table_name, row_id) VALUES (?, ?, ?)",
            rows,
        )
        total += len(rows)
    return total


async def record_subjects(conn: aiosqlite.Connection, change_id: int, keys: Iterable[str]) -> None:
    await conn.executemany(
        "INSERT OR IGNORE INTO change_subjects (change_id, subject_key) VALUES (?, ?)",
        [(change_id, key) for key in dict.fromkeys(keys)],
    )


async def record_refusal(
    db: Database, author: Author, at: str, command: str, summary: str = ""
) -> int:
    """A refused attempt (wrong role) is part of the audit log too."""
    entry = ChangeEntry(author, at, command, "refused", "", summary or "refused: role too low")

    async def job(conn: aiosqlite.Connection) -> int:
        return await record_change(conn, entry)

    return await db.write(job)


# --- reads -----------------------------------------------------------------------------

_CHANGE_COLUMNS = (
    "c.id, c.at, c.platform, c.workspace, c.user_id, c.user_name, c.command, c.action,"
    " c.target_table, c.target_id, c.before_json, c.after_json, c.source_url, c.summary,"
    " c.undoes, c.undone_by"
)


def _change(row: Any) -> Change:
    return Change(
        id=row["id"],
        at=row["at"],
        author=Author(row["platform"], row["workspace"], row["user_id"], row["user_name"]),
        command=row["command"],
        action=row["action"],
        target_table=row["target_table"],
        target_id=row["target_id"],
        before=loads(row["before_json"]),
        after=loads(row["after_json"]),
        source_url=row["source_url"],
        summary=row["summary"],
        undoes=row["undoes"],
        undone_by=row["undone_by"],
    )


async def get_change(db: Database, change_id: int) -> Change | None:
    row = await db.fetchone(f"SELECT {_CHANGE_COLUMNS} FROM changes c WHERE c.id = ?", (change_id,))
    return None if row is None else _change(row)


async def recent_changes(db: Database, limit: int = 15) -> list[Change]:
    rows = await db.fetchall(
        f"SELECT {_CHANGE_COLUMNS} FROM changes c ORDER BY c.id DESC LIMIT ?", (limit,)
    )
    return [_change(row) for row in rows]


async def changes_about(db: Database, subject_keys: Iterable[str], limit: int = 15) -> list[Change]:
    keys = list(dict.fromkeys(subject_keys))
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    rows = await db.fetchall(
        f"SELECT {_CHANGE_COLUMNS} FROM changes c WHERE c.id IN (SELECT change_id FROM"
        f" change_subjects WHERE subject_key IN ({marks})) ORDER BY c.id DESC LIMIT ?",
        (*keys, limit),
    )
    return [_change(row) for row in rows]


async def changes_to_fact(db: Database, table: str, row_id: int, limit: int = 15) -> list[Change]:
    """Changes that wrote this row (through any of their row writes, or an import)."""
    rows = await db.fetchall(
        f"SELECT {_CHANGE_COLUMNS} FROM changes c WHERE c.id IN ("
        " SELECT change_id FROM change_rows WHERE table_name = ? AND row_id = ?"
        " UNION SELECT change_id FROM change_created WHERE table_name = ? AND row_id = ?)"
        " ORDER BY c.id DESC LIMIT ?",
        (table, row_id, table, row_id, limit),
    )
    return [_change(row) for row in rows]


async def refusals_by(db: Database, platform: str, user_id: str) -> list[Change]:
    rows = await db.fetchall(
        f"SELECT {_CHANGE_COLUMNS} FROM changes c WHERE c.action = 'refused'"
        " AND c.platform = ? AND c.user_id = ? ORDER BY c.id",
        (platform, user_id),
    )
    return [_change(row) for row in rows]

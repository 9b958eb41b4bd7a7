"""What the audit log is made of: authors, row writes, entries, and their JSON form."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storage.errors import Refused

# The tables an admin change may write, and the letter their ids carry in chat (D123).
FACT_PREFIX = {
    "deployments": "D",
    "company_events": "E",
    "laws": "L",
    "governing_bodies": "B",  # who governs a place's police (/facts set-body)
    "officials": "O",  # its officials (/facts add-official)
}
WRITABLE_TABLES = frozenset({*FACT_PREFIX, "agencies", "sources"})

Row = dict[str, Any]

# In an audit entry's before/after (never in change_rows, which undo writes back): the URL
# the row's source_id named when the change was recorded. A source id is not a lasting name
# for a URL (an undo deletes the source its change created, and SQLite gives the next new
# source that id), so the history shows this instead of looking the id up later. The dot
# keeps it apart from any column name.
SOURCE_URL_KEY = "source_id.url"


class ChangeRefused(Refused):
    """A change that cannot be made as asked; the message is meant for the admin."""


@dataclass(frozen=True)
class Author:
    platform: str
    workspace: str
    user_id: str
    user_name: str


@dataclass(frozen=True)
class Refusal:
    """A command run without the role for it: who, when, which command (no values typed)."""

    id: int  # shown as R12
    at: str
    author: Author
    command: str


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


def dumps(row: Row | None) -> str | None:
    return None if row is None else json.dumps(row, sort_keys=True, ensure_ascii=False)


def loads(text: str | None) -> Row | None:
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else None


def as_row(row: Any) -> Row:
    """A database row (sqlite3.Row, asyncpg.Record) as a plain dict (iterating a
    sqlite3.Row yields values, not keys)."""
    return dict(zip(row.keys(), tuple(row), strict=True))


def check_table(table: str) -> str:
    # Table names cannot be bound parameters; only these fixed names ever reach SQL.
    if table not in WRITABLE_TABLES:
        raise ValueError(f"not a writable table: {table}")
    return table

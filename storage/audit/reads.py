"""Reading the audit log: one change, the latest ones, those about a subject or a fact."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from storage.audit.models import Author, Change, Refusal, loads
from storage.sql import Db

CHANGE_COLUMNS = (
    "c.id, c.at, c.platform, c.workspace, c.user_id, c.user_name, c.command, c.action,"
    " c.target_table, c.target_id, c.before_json, c.after_json, c.source_url, c.summary,"
    " c.undoes, c.undone_by"
)


def change_of(row: Any) -> Change:
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


async def get_change(db: Db, change_id: int) -> Change | None:
    row = await db.fetchone(f"SELECT {CHANGE_COLUMNS} FROM changes c WHERE c.id = ?", (change_id,))
    return None if row is None else change_of(row)


async def recent_changes(db: Db, limit: int = 15) -> list[Change]:
    rows = await db.fetchall(
        f"SELECT {CHANGE_COLUMNS} FROM changes c ORDER BY c.id DESC LIMIT ?", (limit,)
    )
    return [change_of(row) for row in rows]


async def changes_about(db: Db, subject_keys: Iterable[str], limit: int = 15) -> list[Change]:
    keys = list(dict.fromkeys(subject_keys))
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    rows = await db.fetchall(
        f"SELECT {CHANGE_COLUMNS} FROM changes c WHERE c.id IN (SELECT change_id FROM"
        f" change_subjects WHERE subject_key IN ({marks})) ORDER BY c.id DESC LIMIT ?",
        (*keys, limit),
    )
    return [change_of(row) for row in rows]


async def changes_to_fact(db: Db, table: str, row_id: int, limit: int = 15) -> list[Change]:
    """Changes that wrote this row (through any of their row writes, or an import)."""
    rows = await db.fetchall(
        f"SELECT {CHANGE_COLUMNS} FROM changes c WHERE c.id IN ("
        " SELECT change_id FROM change_rows WHERE table_name = ? AND row_id = ?"
        " UNION SELECT change_id FROM change_created WHERE table_name = ? AND row_id = ?)"
        " ORDER BY c.id DESC LIMIT ?",
        (table, row_id, table, row_id, limit),
    )
    return [change_of(row) for row in rows]


async def refusals_by(db: Db, platform: str, user_id: str) -> list[Refusal]:
    rows = await db.fetchall(
        f"{_REFUSAL_SQL} WHERE platform = ? AND user_id = ? ORDER BY id", (platform, user_id)
    )
    return [_refusal(row) for row in rows]


async def recent_refusals(db: Db, limit: int) -> list[Refusal]:
    rows = await db.fetchall(f"{_REFUSAL_SQL} ORDER BY id DESC LIMIT ?", (limit,))
    return [_refusal(row) for row in rows]


_REFUSAL_SQL = "SELECT id, at, platform, workspace, user_id, user_name, command FROM refusals"


def _refusal(row: Any) -> Refusal:
    author = Author(row["platform"], row["workspace"], row["user_id"], row["user_name"])
    return Refusal(int(row["id"]), row["at"], author, row["command"])

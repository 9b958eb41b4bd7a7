"""The SQL behind admin edits of the facts: look-ups inside a write job, and the finish
step that writes the audit entry and queues follow notifications in that same job.
"""

from __future__ import annotations

from collections.abc import Callable

import aiosqlite

from storage.audit import ChangeEntry, ChangeRecorder, Row, as_row, record_change, snapshot
from storage.db import Database
from storage.facts_models import RING_TECHNOLOGY
from storage.facts_write import name_key
from storage.follows import enqueue_notifications

# Event kinds that change a company's status by themselves, and the status they leave
# when the admin gives none: /moratorium shows the latest event that carries a status.
IMPLIED_STATUS = {"moratorium-ended": "Moratorium ended"}


def event_status(kind: str, status: str) -> str:
    return status.strip() or IMPLIED_STATUS.get(kind, "")


async def _rows(conn: aiosqlite.Connection, sql: str, params: tuple[object, ...]) -> list[Row]:
    async with conn.execute(sql, params) as cursor:
        return [as_row(r) for r in await cursor.fetchall()]


async def agency_by_name(db: Database, name: str, state: str) -> Row | None:
    row = await db.fetchone(
        "SELECT * FROM agencies WHERE name_key = ? AND state = ?", (name_key(name), state)
    )
    return None if row is None else as_row(row)


async def agencies_by_ids(db: Database, ids: tuple[int, ...]) -> list[Row]:
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = await db.fetchall(f"SELECT * FROM agencies WHERE id IN ({marks}) ORDER BY name", ids)
    return [as_row(r) for r in rows]


async def fact(db: Database, table: str, row_id: int) -> Row | None:
    """A fact row with its source URL (for confirmations and history)."""
    if table not in ("deployments", "company_events", "laws"):
        raise ValueError(table)
    row = await db.fetchone(
        f"SELECT t.*, s.url AS source_url FROM {table} t JOIN sources s ON s.id = t.source_id"
        " WHERE t.id = ?",
        (row_id,),
    )
    return None if row is None else as_row(row)


async def laws_of_jurisdiction(db: Database, jurisdiction: str) -> list[Row]:
    """Laws whose jurisdiction is `jurisdiction` ('Oakland, CA'); every writer keys laws
    with name_key()."""
    rows = await db.fetchall(
        "SELECT * FROM laws WHERE jurisdiction_key = ? ORDER BY enacted, id",
        (name_key(jurisdiction),),
    )
    return [as_row(r) for r in rows]


async def ring_partnerships_of(conn: aiosqlite.Connection, agency_id: int) -> list[Row]:
    """The agency's Ring partnerships, latest start first (ongoing ones have ended NULL)."""
    return await _rows(
        conn,
        "SELECT * FROM deployments WHERE agency_id = ? AND technology = ?"
        " ORDER BY ended IS NOT NULL, COALESCE(started, '') DESC, id DESC",
        (agency_id, RING_TECHNOLOGY),
    )


async def agency_in_job(conn: aiosqlite.Connection, agency_id: int) -> Row | None:
    return await snapshot(conn, "agencies", agency_id)


async def create_agency(
    rec: ChangeRecorder, name: str, state: str, city: str = "", kind: str = ""
) -> int:
    return await rec.insert(
        "agencies",
        {
            "name": name,
            "name_key": name_key(name),
            "city": city,
            "state": state,
            "kind": kind,
        },
    )


async def company_names(db: Database) -> list[str]:
    rows = await db.fetchall("SELECT name FROM companies ORDER BY name COLLATE NOCASE")
    return [str(r[0]) for r in rows]


async def company_slug(conn: aiosqlite.Connection, company_id: int) -> str:
    async with conn.execute("SELECT slug FROM companies WHERE id = ?", (company_id,)) as cursor:
        row = await cursor.fetchone()
    return "" if row is None else str(row[0])


async def finish_change(
    conn: aiosqlite.Connection,
    rec: ChangeRecorder,
    entry: ChangeEntry,
    message: Callable[[int, str], str],
) -> tuple[int, int]:
    """Write the audit entry and queue one notification per follower, in the same job.

    `message(change_id, place_label)` words the notification. Returns (change id, queued).
    """
    change_id = await record_change(conn, entry, rec.writes)
    queued = await enqueue_notifications(
        conn, change_id, lambda label: message(change_id, label), entry.at
    )
    return change_id, queued


class SqliteFactEditor:
    """FactEditor on SQLite."""

    def __init__(self, db: Database) -> None:
        self._db = db

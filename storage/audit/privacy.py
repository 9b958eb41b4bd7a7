"""The audit log's part of /mydata and /forgetme.

A refused attempt is only about the person who tried: /forgetme deletes it. A change an
admin made is about the facts too: /forgetme keeps it (what changed, when, from which
source, and that it can be undone) but replaces the author's name and id with a marker
of that change alone ("erased user #12"), so several changes cannot be tied to one person
again. The admin's id also rides in facts' `origin` ('admin:<platform>:<id>') and in the
before/after snapshots; both are rewritten alike, so an undo still sees matching rows.
"""

from __future__ import annotations

import aiosqlite

from lexicon.words import plural, shorten
from storage.db import Database

ERASED_ORIGIN = "admin:erased"
ERASED_AUTHOR = "erased user #"  # + the change id
FACT_TABLES = ("deployments", "company_events", "laws")
# (table, column) of every before/after snapshot that may hold a fact's origin.
_SNAPSHOTS = (
    ("changes", "before_json"),
    ("changes", "after_json"),
    ("change_rows", "before_json"),
    ("change_rows", "after_json"),
)


def admin_origin(platform: str, user_id: str) -> str:
    """What a fact an admin wrote carries in `origin`."""
    return f"admin:{platform}:{user_id}"


def erased_author(change_id: int) -> str:
    return f"{ERASED_AUTHOR}{change_id}"


def _when(at: str) -> str:
    return f"{at.replace('T', ' ')[:16]} UTC"


async def describe_refusals(db: Database, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT id, at, workspace, user_name, command FROM refusals"
        " WHERE platform = ? AND user_id = ? ORDER BY id",
        (platform, user_id),
    )
    return [
        f"R{r['id']} · {_when(r['at'])}: you ran /{r['command']} without the role for it;"
        f' recorded as "{r["user_name"]}" in workspace {r["workspace"]}'
        for r in rows
    ]


async def erase_refusals(conn: aiosqlite.Connection, platform: str, user_id: str) -> int:
    """Delete the caller's refused attempts (they never changed a fact: nothing to keep)."""
    cursor = await conn.execute(
        "DELETE FROM refusals WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    return max(cursor.rowcount, 0)


async def describe_changes(db: Database, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT id, at, workspace, user_name, command, summary FROM changes"
        " WHERE platform = ? AND user_id = ? AND action <> 'refused' ORDER BY id",
        (platform, user_id),
    )
    lines = [
        f"C{r['id']} · {_when(r['at'])}: /{r['command']}: {shorten(str(r['summary']), 120)};"
        f' recorded as "{r["user_name"]}" in workspace {r["workspace"]}'
        for r in rows
    ]
    origin = admin_origin(platform, user_id)
    facts = 0
    for table in FACT_TABLES:
        row = await db.fetchone(f"SELECT COUNT(*) FROM {table} WHERE origin = ?", (origin,))
        facts += int(row[0]) if row else 0
    if facts:
        verb = "names" if facts == 1 else "name"
        lines.append(f"{plural(facts, 'fact')} {verb} you as the admin who entered them ({origin})")
    return lines


async def erase_changes(conn: aiosqlite.Connection, platform: str, user_id: str) -> int:
    """Keep the caller's changes, with a per-change marker instead of their name and id."""
    cursor = await conn.execute(
        "UPDATE changes SET user_id = '', user_name = ? || id"
        " WHERE platform = ? AND user_id = ? AND action <> 'refused'",
        (ERASED_AUTHOR, platform, user_id),
    )
    touched = max(cursor.rowcount, 0)
    origin = admin_origin(platform, user_id)
    for table in FACT_TABLES:
        cursor = await conn.execute(
            f"UPDATE {table} SET origin = ? WHERE origin = ?", (ERASED_ORIGIN, origin)
        )
        touched += max(cursor.rowcount, 0)
    for table, column in _SNAPSHOTS:
        await conn.execute(
            f"UPDATE {table} SET {column} = json_set({column}, '$.origin', ?)"
            f" WHERE {column} IS NOT NULL AND json_extract({column}, '$.origin') = ?",
            (ERASED_ORIGIN, origin),
        )
    return touched

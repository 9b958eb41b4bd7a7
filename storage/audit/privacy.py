"""The audit log's part of /mydata and /forgetme.

A refused attempt is only about the person who tried: /forgetme deletes it. A change an
admin made is about the facts too: /forgetme keeps it (what changed, when, from which
source, and that it can be undone) but replaces the author's name and id with a marker
of that change alone ("erased user #12"), so several changes cannot be tied to one person
again. The admin's id also rides in facts' `origin` ('admin:<platform>:<id>') and in the
before/after snapshots; both are rewritten alike, so an undo still sees matching rows.
"""

from __future__ import annotations

from lexicon.i18n import _, format_moment, ngettext
from lexicon.stored import say
from lexicon.words import shorten
from storage.audit.models import dumps, loads
from storage.sql import Conn, Db

ERASED_ORIGIN = "admin:erased"
ERASED_AUTHOR = "erased user #"  # + the change id
FACT_TABLES = ("deployments", "company_events", "laws", "governing_bodies", "officials")
# (table, its key, column) of every before/after snapshot that may hold a fact's origin.
_SNAPSHOTS = (
    ("changes", "id", "before_json"),
    ("changes", "id", "after_json"),
    ("change_rows", "change_id, seq", "before_json"),
    ("change_rows", "change_id, seq", "after_json"),
)
# Every table erase_changes rewrites (for the purge after an erasure).
TABLES_REWRITTEN = tuple(dict.fromkeys(("changes", *FACT_TABLES, *(t for t, _, _ in _SNAPSHOTS))))


def admin_origin(platform: str, user_id: str) -> str:
    """What a fact an admin wrote carries in `origin`."""
    return f"admin:{platform}:{user_id}"


async def describe_refusals(db: Db, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT id, at, workspace, user_name, command FROM refusals"
        " WHERE platform = ? AND user_id = ? ORDER BY id",
        (platform, user_id),
    )
    return [
        _(
            'R{id} · {when}: you ran /{command} without the role for it; recorded as "{name}"'
            " in workspace {workspace}"
        ).format(
            id=r["id"],
            when=format_moment(r["at"]),
            command=r["command"],
            name=r["user_name"],
            workspace=r["workspace"],
        )
        for r in rows
    ]


async def erase_refusals(conn: Conn, platform: str, user_id: str) -> int:
    """Delete the caller's refused attempts (they never changed a fact: nothing to keep)."""
    cursor = await conn.execute(
        "DELETE FROM refusals WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    return max(cursor.rowcount, 0)


async def describe_changes(db: Db, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT id, at, workspace, user_name, command, summary FROM changes"
        " WHERE platform = ? AND user_id = ? AND action <> 'refused' ORDER BY id",
        (platform, user_id),
    )
    lines = [
        _(
            'C{id} · {when}: /{command}: {summary}; recorded as "{name}" in workspace {workspace}'
        ).format(
            id=r["id"],
            when=format_moment(r["at"]),
            command=r["command"],
            summary=shorten(say(str(r["summary"])), 120),
            name=r["user_name"],
            workspace=r["workspace"],
        )
        for r in rows
    ]
    origin = admin_origin(platform, user_id)
    facts = 0
    for table in FACT_TABLES:
        row = await db.fetchone(f"SELECT COUNT(*) FROM {table} WHERE origin = ?", (origin,))
        facts += int(row[0]) if row else 0
    if facts:
        lines.append(
            ngettext(
                "{n:,} fact names you as the admin who entered them ({origin})",
                "{n:,} facts name you as the admin who entered them ({origin})",
                facts,
            ).format(n=facts, origin=origin)
        )
    return lines


async def erase_changes(conn: Conn, platform: str, user_id: str) -> int:
    """Keep the caller's changes, with a per-change marker instead of their name and id."""
    cursor = await conn.execute(
        "UPDATE changes SET user_id = '', user_name = ? || CAST(id AS TEXT)"
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
    for table, key, column in _SNAPSHOTS:
        await _rewrite_snapshots(conn, table, key, column, origin)
    return touched


async def _rewrite_snapshots(conn: Conn, table: str, key: str, column: str, origin: str) -> None:
    """Snapshots whose `origin` is the caller's get the erased marker instead.

    Done here rather than with JSON functions in SQL, which SQLite and PostgreSQL spell
    differently; the LIKE only narrows the rows read (a snapshot naming the origin)."""
    pattern = "%" + origin.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = await conn.execute_fetchall(
        f"SELECT {key}, {column} FROM {table} WHERE {column} LIKE ? ESCAPE '\\'", (pattern,)
    )
    where = " AND ".join(f"{name.strip()} = ?" for name in key.split(","))
    for row in rows:
        *ids, text = tuple(row)
        snapshot = loads(text)
        if snapshot is None or snapshot.get("origin") != origin:
            continue
        snapshot["origin"] = ERASED_ORIGIN
        await conn.execute(
            f"UPDATE {table} SET {column} = ? WHERE {where}", (dumps(snapshot), *ids)
        )

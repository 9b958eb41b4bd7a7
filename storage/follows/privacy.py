"""What /mydata shows of a member's follows and the follow notifications addressed to them,
and /forgetme's erasure of both (providers of storage/privacy/repository.py)."""

from __future__ import annotations

from lexicon.i18n import _, ngettext
from lexicon.sources import said_date
from storage.sql import Conn, Db


async def describe_member(db: Db, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT place_label, workspace, created_at, user_name FROM follows"
        " WHERE platform = ? AND user_id = ? ORDER BY place_label",
        (platform, user_id),
    )
    lines = [
        (
            _('You follow {place} (since {day}, as "{name}")')
            if r["user_name"]
            else _("You follow {place} (since {day})")
        ).format(place=r["place_label"], day=said_date(r["created_at"][:10]), name=r["user_name"])
        for r in rows
    ]
    row = await db.fetchone(
        "SELECT COUNT(*) FROM notifications WHERE platform = ? AND user_id = ?"
        " AND announcement_id IS NULL",
        (platform, user_id),
    )
    if row is not None and int(row[0]):
        lines.append(
            ngettext(
                "{n:,} follow notification addressed to you",
                "{n:,} follow notifications addressed to you",
                int(row[0]),
            ).format(n=int(row[0]))
        )
    return lines


async def erase_member(conn: Conn, platform: str, user_id: str) -> int:
    """Forget the member's follows and every follow notification addressed to them (the
    campaign messages in the same outbox are storage/announcements/privacy.py's)."""
    erased = 0
    for table, only in (("follows", ""), ("notifications", " AND announcement_id IS NULL")):
        cursor = await conn.execute(
            f"DELETE FROM {table} WHERE platform = ? AND user_id = ?{only}", (platform, user_id)
        )
        erased += max(cursor.rowcount, 0)
    return erased

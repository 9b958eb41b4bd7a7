"""What /mydata shows of a member's follows and the follow notifications addressed to them,
and /forgetme's erasure of both (providers of storage/privacy/repository.py)."""

from __future__ import annotations

from lexicon.i18n import _, format_stamp, ngettext
from storage.sql import Conn, Db


async def describe_member(db: Db, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT place_label, workspace, created_at, user_name FROM follows"
        " WHERE platform = ? AND user_id = ? ORDER BY place_label",
        (platform, user_id),
    )
    lines = [_followed(str(r["place_label"]), str(r["created_at"]), str(r["user_name"] or ""))
             for r in rows]  # fmt: skip
    row = await db.fetchone(
        "SELECT COUNT(*) FROM notifications WHERE platform = ? AND user_id = ?"
        " AND announcement_id IS NULL",
        (platform, user_id),
    )
    if row is not None and int(row[0]):
        count = int(row[0])
        lines.append(
            ngettext(
                "{count:,} follow notification addressed to you",
                "{count:,} follow notifications addressed to you",
                count,
            ).format(count=count)
        )
    return lines


def _followed(place: str, created: str, name: str) -> str:
    since = format_stamp(created[:10])
    if name:
        return _('You follow {place} (since {since}, as "{name}")').format(
            place=place, since=since, name=name
        )
    return _("You follow {place} (since {since})").format(place=place, since=since)


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

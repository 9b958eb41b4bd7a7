"""What /mydata shows of a member's sign-ups, and /forgetme's erasure of them
(providers of storage/privacy/repository.py)."""

from __future__ import annotations

from lexicon.i18n import _, format_stamp
from storage.sql import Conn, Db


async def describe_member(db: Db, platform: str, user_id: str) -> list[str]:
    """Everything held about a member's sign-ups, one line each (for /mydata)."""
    rows = await db.fetchall(
        "SELECT c.workspace, c.slug, c.title, s.display_name, s.city, s.signed_up_at"
        " FROM signups s JOIN campaigns c ON c.id = s.campaign_id"
        " WHERE s.platform = ? AND s.user_id = ? ORDER BY s.signed_up_at, s.id",
        (platform, user_id),
    )
    lines = []
    for workspace, slug, title, name, city, at in (tuple(r) for r in rows):
        said = _('{slug} ({title}) in workspace {workspace}: signed up {at} as "{name}", {where}')
        where = _('city "{city}"').format(city=city) if city else _("no city")
        lines.append(
            said.format(
                slug=slug,
                title=title,
                workspace=workspace,
                at=format_stamp(str(at)),  # English: as stored; Spanish: the day in words
                name=name,
                where=where,
            )
        )
    return lines


async def erase_member(conn: Conn, platform: str, user_id: str) -> int:
    """Privacy erasure: every sign-up of this member, in every workspace."""
    cursor = await conn.execute(
        "DELETE FROM signups WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    return max(cursor.rowcount, 0)

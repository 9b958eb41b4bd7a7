"""What /mydata shows of the campaign messages queued or sent to a member and of the
announcements they sent as an organizer, and /forgetme's erasure of both (providers of
storage/privacy/repository.py).

They share the outbox (`notifications`) with follow notifications, but they are not about a
place the member follows: a row with an `announcement_id` is a campaign message, an
organizer's announcement (kind 'members') or a closing summary to a campaign's organizers
(kind 'summary'). storage/follows/privacy.py counts and erases the other rows.
"""

from __future__ import annotations

from lexicon.i18n import _, ngettext
from lexicon.sources import said_date
from storage.sql import Conn, Db


def _kind_line(kind: str, n: int) -> str:
    """'2 campaign messages from their organizers addressed to you', per kind of message."""
    if kind == "members":
        said = ngettext(
            "{n:,} campaign message from its organizers addressed to you",
            "{n:,} campaign messages from their organizers addressed to you",
            n,
        )
    elif kind == "summary":
        said = ngettext(
            "{n:,} closing summary of a campaign you organize addressed to you",
            "{n:,} closing summaries of campaigns you organize addressed to you",
            n,
        )
    else:
        said = ngettext(
            "{n:,} campaign message addressed to you", "{n:,} campaign messages addressed to you", n
        )
    return said.format(n=n)


async def describe_member(db: Db, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT a.kind, COUNT(*),"
        " COUNT(CASE WHEN n.delivered_at IS NULL AND n.gave_up_at IS NULL THEN 1 END)"
        " FROM notifications n JOIN campaign_announcements a ON a.id = n.announcement_id"
        " WHERE n.platform = ? AND n.user_id = ? GROUP BY a.kind ORDER BY a.kind",
        (platform, user_id),
    )
    lines = []
    for kind, count, waiting in (tuple(r) for r in rows):
        line = _kind_line(str(kind), int(count))
        if waiting:
            line = _("{line} ({n:,} not yet delivered)").format(line=line, n=int(waiting))
        lines.append(line)
    return lines


async def erase_member(conn: Conn, platform: str, user_id: str) -> int:
    """Every campaign message queued or sent to the member (sent ones are kept as a record
    of delivery, with the text: they go too)."""
    cursor = await conn.execute(
        "DELETE FROM notifications WHERE platform = ? AND user_id = ?"
        " AND announcement_id IS NOT NULL",
        (platform, user_id),
    )
    return max(cursor.rowcount, 0)


async def describe_authored(db: Db, platform: str, user_id: str) -> list[str]:
    """The announcements the member sent as an organizer, per campaign."""
    rows = await db.fetchall(
        "SELECT c.slug, c.workspace, COUNT(*), MAX(a.created_at)"
        " FROM campaign_announcements a JOIN campaigns c ON c.id = a.campaign_id"
        " WHERE a.author_platform = ? AND a.author_id = ? GROUP BY c.slug, c.workspace"
        " ORDER BY c.slug, c.workspace",
        (platform, user_id),
    )
    return [
        ngettext(
            "{n:,} announcement to the members of {slug} in workspace {workspace}, the last on"
            " {day}",
            "{n:,} announcements to the members of {slug} in workspace {workspace}, the last on"
            " {day}",
            int(count),
        ).format(n=int(count), slug=slug, workspace=workspace, day=said_date(str(last)[:10]))
        for slug, workspace, count, last in (tuple(r) for r in rows)
    ]


async def erase_authored(conn: Conn, platform: str, user_id: str) -> int:
    """The announcements stay (their delivery counts are the campaign's); who sent them goes."""
    cursor = await conn.execute(
        "UPDATE campaign_announcements SET author_platform = '', author_id = ''"
        " WHERE author_platform = ? AND author_id = ?",
        (platform, user_id),
    )
    return max(cursor.rowcount, 0)

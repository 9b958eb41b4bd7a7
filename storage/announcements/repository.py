"""Campaign announcements: queued into the notifications outbox (storage/outbox/) as one
row per member, so their delivery is the follow notifications' (claimed, retried, paced);
mutes stop them per member and campaign."""

from __future__ import annotations

import datetime as dt

from lexicon.i18n import _
from storage.announcements.models import DeliveryCounts
from storage.campaigns.ending import add_organizer
from storage.sql import Conn, Db, returned_id, row_lock, stamp

_RECIPIENTS = (
    " FROM signups s WHERE s.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM campaign_mutes m"
    " WHERE m.campaign_id = s.campaign_id AND m.platform = s.platform AND m.user_id = s.user_id)"
)


async def describe_mutes(db: Db, platform: str, user_id: str) -> list[str]:
    """For /mydata: one line per campaign whose messages the member muted."""
    rows = await db.fetchall(
        "SELECT c.workspace, c.slug, m.muted_at FROM campaign_mutes m"
        " JOIN campaigns c ON c.id = m.campaign_id WHERE m.platform = ? AND m.user_id = ?"
        " ORDER BY m.muted_at, c.slug",
        (platform, user_id),
    )
    return [
        _("{slug} in workspace {workspace}: muted {at}").format(slug=slug, workspace=ws, at=at)
        for ws, slug, at in (tuple(r) for r in rows)
    ]


async def erase_mutes(conn: Conn, platform: str, user_id: str) -> int:
    """For /forgetme (the messages queued to the member: storage/announcements/privacy.py)."""
    cursor = await conn.execute(
        "DELETE FROM campaign_mutes WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    return max(cursor.rowcount, 0)


async def queue_in(
    conn: Conn,
    campaign_id: int,
    workspace: str,
    author: tuple[str, str],
    text: str,
    at: str,
) -> tuple[int, int]:
    """Inside a write job: record an announcement and queue one outbox row per recipient
    (signed up, not muted); returns (announcement id, rows queued)."""
    cursor = await conn.execute(
        "INSERT INTO campaign_announcements (campaign_id, author_platform, author_id,"
        f" created_at, recipients) SELECT ?, ?, ?, ?, COUNT(*){_RECIPIENTS} RETURNING id",
        (campaign_id, *author, at, campaign_id),
    )
    announcement = await returned_id(cursor)
    await add_organizer(conn, campaign_id, *author, at)
    cursor = await conn.execute(
        "INSERT INTO notifications (announcement_id, platform, workspace, user_id,"
        " user_name, text, created_at, next_attempt_at)"
        f" SELECT ?, s.platform, ?, s.user_id, s.display_name, ?, ?, ?{_RECIPIENTS}",
        (announcement, workspace, text, at, at, campaign_id),
    )
    return announcement, max(cursor.rowcount, 0)


_SENT = "SELECT COUNT(*) FROM campaign_announcements WHERE campaign_id = ? AND kind = 'members'"


async def _sent(conn: Conn, campaign_id: int) -> int:
    async with conn.execute(_SENT, (campaign_id,)) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


class AnnouncementStore:
    """AnnouncementStore in SQL (SQLite or PostgreSQL)."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def recipients(self, campaign_id: int) -> int:
        """Members signed up and not muted: who an announcement would reach now."""
        row = await self._db.fetchone(f"SELECT COUNT(*){_RECIPIENTS}", (campaign_id,))
        return int(row[0]) if row else 0

    async def count(self, campaign_id: int) -> int:
        """How many announcements the campaign has sent (a confirmation code includes it,
        so one code sends once)."""
        row = await self._db.fetchone(_SENT, (campaign_id,))
        return int(row[0]) if row else 0

    async def queue(
        self,
        campaign_id: int,
        workspace: str,
        author: tuple[str, str],
        text: str,
        now: dt.datetime,
        *,
        sent_before: int | None = None,
    ) -> int | None:
        """Queue `text` to every recipient in the outbox, in one transaction; returns how
        many were queued. `author` is (platform, user id). With `sent_before` (the count a
        confirmation code was made with), only while exactly that many were sent: None
        when another announcement went first (the same code confirmed twice at once,
        from two processes), and nothing is queued."""
        at = stamp(now)
        lock = row_lock(self._db.dialect)

        async def job(conn: Conn) -> int | None:
            if sent_before is not None:
                # The campaign's row is locked first (NO KEY: sign-ups still go on), so a
                # second confirmation in another process waits here, then counts this one.
                await conn.execute(f"SELECT id FROM campaigns WHERE id = ?{lock}", (campaign_id,))
                if await _sent(conn, campaign_id) != sent_before:
                    return None
            _, queued = await queue_in(conn, campaign_id, workspace, author, text, at)
            return queued

        return await self._db.write(job)

    async def delivery_counts(self, campaign_id: int) -> DeliveryCounts:
        row = await self._db.fetchone(
            "SELECT (SELECT COUNT(*) FROM campaign_announcements WHERE campaign_id = ?"
            " AND kind = 'members'),"
            " COUNT(CASE WHEN n.delivered_at IS NOT NULL THEN 1 END),"
            " COUNT(CASE WHEN n.delivered_at IS NULL AND n.gave_up_at IS NULL THEN 1 END),"
            " COUNT(CASE WHEN n.gave_up_at IS NOT NULL THEN 1 END)"
            " FROM notifications n JOIN campaign_announcements a ON a.id = n.announcement_id"
            " WHERE a.campaign_id = ? AND a.kind = 'members'",
            (campaign_id, campaign_id),
        )
        if row is None:
            return DeliveryCounts(0, 0, 0, 0)
        return DeliveryCounts(int(row[0]), int(row[1]), int(row[2]), int(row[3]))

    async def mute(self, campaign_id: int, platform: str, user_id: str, now: dt.datetime) -> bool:
        """Stop the campaign's messages to the member, waiting ones included; False when
        already muted."""

        async def job(conn: Conn) -> bool:
            cursor = await conn.execute(
                "INSERT INTO campaign_mutes (campaign_id, platform, user_id, muted_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (campaign_id, platform, user_id, stamp(now)),
            )
            # Messages of this campaign still waiting for the member are not sent either.
            await conn.execute(
                "DELETE FROM notifications WHERE platform = ? AND user_id = ?"
                " AND delivered_at IS NULL AND gave_up_at IS NULL AND announcement_id IN"
                " (SELECT id FROM campaign_announcements WHERE campaign_id = ?)",
                (platform, user_id, campaign_id),
            )
            return cursor.rowcount > 0

        return await self._db.write(job)

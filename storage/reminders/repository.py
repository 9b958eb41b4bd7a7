"""Scheduled announcements (campaign_reminders): due ones become outbox rows atomically."""

from __future__ import annotations

import datetime as dt

from lexicon.i18n import _
from storage.announcements.repository import queue_in
from storage.campaigns.ending import add_organizer
from storage.reminders.models import NewReminder, Reminder
from storage.sql import Conn, Db, returned_id, skip_locked, stamp

DUE_BATCH = 50
_PENDING = "sent_at IS NULL AND cancelled_at IS NULL"


async def describe_authored(db: Db, platform: str, user_id: str) -> list[str]:
    """For /mydata: the reminders this person scheduled (as an organizer)."""
    rows = await db.fetchall(
        "SELECT c.slug, r.id, r.shown_when, r.sent_at, r.cancelled_at FROM campaign_reminders r"
        " JOIN campaigns c ON c.id = r.campaign_id WHERE r.author_platform = ?"
        " AND r.author_id = ? ORDER BY r.id",
        (platform, user_id),
    )
    lines = []
    for slug, rid, when, sent, cancelled in (tuple(r) for r in rows):
        if sent:
            line = _("reminder R{id} of {slug} for {when}: sent {at}")
        elif cancelled:
            line = _("reminder R{id} of {slug} for {when}: cancelled {at}")
        else:
            line = _("reminder R{id} of {slug} for {when}: pending")
        lines.append(line.format(id=rid, slug=slug, when=when, at=sent or cancelled))
    return lines


async def erase_authored(conn: Conn, platform: str, user_id: str) -> int:
    """For /forgetme: the reminders stay for the campaign's members; who scheduled them
    is forgotten."""
    cursor = await conn.execute(
        "UPDATE campaign_reminders SET author_platform = '', author_id = ''"
        " WHERE author_platform = ? AND author_id = ?",
        (platform, user_id),
    )
    return max(cursor.rowcount, 0)


class ReminderStore:
    """ReminderStore in SQL (SQLite or PostgreSQL)."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def add(self, new: NewReminder, now: dt.datetime) -> int:
        """Store it; returns its id."""

        async def job(conn: Conn) -> int:
            cursor = await conn.execute(
                "INSERT INTO campaign_reminders (campaign_id, workspace, author_platform,"
                " author_id, due_at, shown_when, text, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    new.campaign_id,
                    new.workspace,
                    *new.author,
                    stamp(new.due),
                    new.shown_when,
                    new.text,
                    stamp(now),
                ),
            )
            reminder_id = await returned_id(cursor)
            await add_organizer(conn, new.campaign_id, *new.author, stamp(now))
            return reminder_id

        return await self._db.write(job)

    async def pending(self, campaign_id: int) -> list[Reminder]:
        """Not yet sent nor cancelled, soonest first."""
        rows = await self._db.fetchall(
            "SELECT id, campaign_id, due_at, shown_when, text FROM campaign_reminders"
            f" WHERE campaign_id = ? AND {_PENDING} ORDER BY due_at, id",
            (campaign_id,),
        )
        return [Reminder(*tuple(r)) for r in rows]

    async def cancel(self, campaign_id: int, reminder_id: int, now: dt.datetime) -> bool:
        """False when there is no such pending reminder of that campaign."""

        async def job(conn: Conn) -> bool:
            cursor = await conn.execute(
                f"UPDATE campaign_reminders SET cancelled_at = ? WHERE id = ? AND campaign_id = ?"
                f" AND {_PENDING}",
                (stamp(now), reminder_id, campaign_id),
            )
            return cursor.rowcount > 0

        return await self._db.write(job)

    async def send_due(self, now: dt.datetime) -> list[tuple[int, int]]:
        """Queue every due reminder's messages in the outbox and mark it sent, in one
        transaction (so each is sent once); returns (reminder id, messages queued)."""
        at = stamp(now)

        async def job(conn: Conn) -> list[tuple[int, int]]:
            # One transaction: the due list read here cannot be sent by another process in
            # between (SQLite's write lock; PostgreSQL's row locks), so each goes once.
            async with conn.execute(
                "SELECT id, campaign_id, workspace, author_platform, author_id, text"
                f" FROM campaign_reminders WHERE {_PENDING} AND due_at <= ?"
                f" ORDER BY due_at, id LIMIT ?{skip_locked(self._db.dialect)}",
                (at, DUE_BATCH),
            ) as cursor:
                due = [tuple(r) for r in await cursor.fetchall()]
            sent: list[tuple[int, int]] = []
            for rid, campaign_id, workspace, platform, author_id, text in due:
                announcement, queued = await queue_in(
                    conn, campaign_id, workspace, (platform, author_id), text, at
                )
                await conn.execute(
                    "UPDATE campaign_reminders SET sent_at = ?, announcement_id = ? WHERE id = ?",
                    (at, announcement, rid),
                )
                sent.append((int(rid), queued))
            return sent

        return await self._db.write(job)

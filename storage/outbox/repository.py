"""The follow-notification outbox: delivered at least once, never dropped silently.

A row leaves the due list only when a delivery succeeded (`delivered_at`). A failure
records the attempt and its error and schedules the next try with a capped backoff;
nothing ever deletes an undelivered row except the member erasing their data.

Several processes may deliver from one file: a sender first CLAIMS due rows (one UPDATE ..
RETURNING, through the writer, so two claims never overlap) and sends only what it holds.
The claim is a lease (LEASE): if the claimant dies mid-delivery its rows become claimable
again when the lease ends, so a notification can still go out twice, but only after a
crash, never because two processes read the same due list.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import replace
from typing import Any

from lexicon.backoff import doubling
from storage.outbox.models import CAMPAIGN, FOLLOW, Notification, OutboxStats
from storage.sql import Conn, Db, Row, skip_locked, stamp
from storage.viewer import ELSEWHERE, Viewer

FIRST_RETRY = dt.timedelta(seconds=30)
MAX_RETRY = dt.timedelta(hours=1)
MAX_ERROR_CHARS = 300
# Longer than one delivery pass ever takes (100 sends with their timeouts), short enough
# that a killed process's notifications are late by minutes, not hours.
LEASE = dt.timedelta(minutes=10)


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min, ... capped at an hour: a closed DM is retried, not hammered."""
    return doubling(attempts, FIRST_RETRY, MAX_RETRY)


def seen_by(item: Notification, viewer: Viewer) -> Notification:
    """The row as `viewer` may see it: another workspace's recipient is nobody in particular."""
    if viewer.sees(item.platform, item.workspace, item.user_id):
        return item
    return replace(item, platform="", workspace="", user_id="", user_name=ELSEWHERE, text="")


def _notification(row: Row) -> Notification:
    return Notification(
        id=row["id"],
        change_id=row["change_id"] or 0,
        platform=row["platform"],
        workspace=row["workspace"],
        user_id=row["user_id"],
        user_name=row["user_name"],
        text=row["text"],
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        last_error=row["last_error"],
        announcement_id=row["announcement_id"],
    )


_COLUMNS = (
    "id, change_id, platform, workspace, user_id, user_name, text, attempts, next_attempt_at,"
    " last_error, announcement_id"
)
# Undelivered and not given up: what is still to be sent.
_WAITING = "delivered_at IS NULL AND gave_up_at IS NULL"

_STATS = (
    f"COUNT(CASE WHEN {_WAITING} THEN 1 END),"
    f" COUNT(CASE WHEN {_WAITING} AND attempts > 0 THEN 1 END),"
    " COUNT(CASE WHEN delivered_at IS NOT NULL THEN 1 END),"
    f" COALESCE(MIN(CASE WHEN {_WAITING} THEN created_at END), ''),"
    " COUNT(CASE WHEN gave_up_at IS NOT NULL THEN 1 END)"
)


def _stats(values: tuple[Any, ...]) -> OutboxStats:
    return OutboxStats(
        int(values[0]), int(values[1]), int(values[2]), str(values[3]), int(values[4])
    )


_CLAIM = (
    "UPDATE notifications SET claimed_by = ?, claimed_until = ?"
    f" WHERE id IN (SELECT id FROM notifications WHERE {_WAITING}"
    " AND next_attempt_at <= ? AND claimed_until <= ? ORDER BY next_attempt_at, id LIMIT ?{lock})"
    f" RETURNING {_COLUMNS}"
)


def new_claimant() -> str:
    """Who claims, unique per repository: the pid to read in a database, a random part
    because pids are reused."""
    return f"{os.getpid()}-{uuid.uuid4().hex[:12]}"


class OutboxStore:
    """The durable outbox of direct messages waiting to be delivered."""

    def __init__(self, db: Db, lease: dt.timedelta = LEASE) -> None:
        self._db = db
        self._lease = lease
        self.claimant = new_claimant()

    async def claim(self, now: dt.datetime, limit: int) -> list[Notification]:
        """Take up to `limit` due notifications for this process to send (until
        `now + lease`), oldest due first.

        One statement on the writer: checking that a row is free and taking it cannot be
        separated by another process's claim (SQLite's write lock serialises them; on
        PostgreSQL the rows are locked and a concurrent claim skips them). A claim not
        followed by a mark (the process died) lapses after the lease and the rows are due
        again."""
        at = stamp(now)
        claim_sql = _CLAIM.format(lock=skip_locked(self._db.dialect))
        rows = await self._db.write_statement(
            claim_sql, (self.claimant, stamp(now + self._lease), at, at, limit)
        )
        found = [_notification(r) for r in rows]
        # RETURNING gives no order: deliver the oldest due first, as `due` lists them.
        return sorted(found, key=lambda n: (n.next_attempt_at, n.id))

    async def due(self, now: dt.datetime, limit: int) -> list[Notification]:
        """Undelivered notifications whose next attempt is due, oldest due first."""
        rows = await self._db.fetchall(
            f"SELECT {_COLUMNS} FROM notifications WHERE {_WAITING}"
            " AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
            (stamp(now), limit),
        )
        return [_notification(r) for r in rows]

    async def pending(self, limit: int, viewer: Viewer) -> list[Notification]:
        """Undelivered notifications, most attempted first (for /facts outbox); a recipient
        `viewer` may not see has no platform, workspace, id or name ("someone in another
        workspace") and no text."""
        rows = await self._db.fetchall(
            f"SELECT {_COLUMNS} FROM notifications WHERE {_WAITING}"
            " ORDER BY attempts DESC, id LIMIT ?",
            (limit,),
        )
        return [seen_by(_notification(r), viewer) for r in rows]

    async def stats(self) -> OutboxStats:
        """Both kinds together (the health check's outbox depth)."""
        row = await self._db.fetchone(f"SELECT {_STATS} FROM notifications")
        return OutboxStats(0, 0, 0, "") if row is None else _stats(tuple(row))

    async def stats_by_kind(self) -> dict[str, OutboxStats]:
        """Follow notifications and campaign messages counted apart (for /facts outbox),
        both keys present."""
        rows = await self._db.fetchall(
            f"SELECT announcement_id IS NULL AS follow, {_STATS} FROM notifications"
            " GROUP BY announcement_id IS NULL"
        )
        found = {FOLLOW if r[0] else CAMPAIGN: _stats(tuple(r)[1:]) for r in rows}
        return {kind: found.get(kind, OutboxStats(0, 0, 0, "")) for kind in (FOLLOW, CAMPAIGN)}

    async def mark_delivered(self, notification_id: int, now: dt.datetime) -> None:
        async def job(conn: Conn) -> None:
            await conn.execute(
                "UPDATE notifications SET delivered_at = ?, attempts = attempts + 1,"
                " last_error = '', claimed_by = '', claimed_until = ''"
                " WHERE id = ? AND delivered_at IS NULL",
                (stamp(now), notification_id),
            )

        await self._db.write(job)

    async def mark_failed(self, notification_id: int, now: dt.datetime, error: str) -> None:
        """Record a failed attempt, schedule the next one (capped backoff) and release the
        claim: the retry is anyone's to send. Only while the row is still this process's own
        (or no one's): when our lease lapsed and another process claimed the row meanwhile,
        that process's outcome is the one that counts."""

        async def job(conn: Conn) -> None:
            async with conn.execute(
                "SELECT attempts, claimed_by FROM notifications WHERE id = ?", (notification_id,)
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return  # erased by /forgetme meanwhile
            if row[1] not in (self.claimant, ""):
                return
            attempts = int(row[0]) + 1
            # The claim is checked again in the UPDATE: the SELECT above locks nothing, and
            # on PostgreSQL another process may claim the row (our lease lapsed) in between.
            await conn.execute(
                "UPDATE notifications SET attempts = ?, last_error = ?, next_attempt_at = ?,"
                " claimed_by = '', claimed_until = '' WHERE id = ? AND delivered_at IS NULL"
                " AND claimed_by IN (?, '')",
                (
                    attempts,
                    error[:MAX_ERROR_CHARS],
                    stamp(now + backoff(attempts)),
                    notification_id,
                    self.claimant,
                ),
            )

        await self._db.write(job)

    async def give_up(self, notification_id: int, now: dt.datetime, error: str) -> None:
        """Record the last failed attempt and never try again (an announcement to closed
        DMs): the row stays, counted as failed, so organizers see how many never arrived."""

        async def job(conn: Conn) -> None:
            await conn.execute(
                "UPDATE notifications SET attempts = attempts + 1, last_error = ?,"
                " gave_up_at = ?, claimed_by = '', claimed_until = ''"
                " WHERE id = ? AND delivered_at IS NULL AND claimed_by IN (?, '')",
                (error[:MAX_ERROR_CHARS], stamp(now), notification_id, self.claimant),
            )

        await self._db.write(job)

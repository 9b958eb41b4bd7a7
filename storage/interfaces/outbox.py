"""The durable outbox of direct messages waiting to be delivered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from storage.viewer import Viewer


@dataclass(frozen=True)
class Notification:
    id: int
    change_id: int
    platform: str
    workspace: str
    user_id: str
    user_name: str  # display name, for a notify-channel post when DMs are closed
    text: str
    attempts: int
    next_attempt_at: str
    last_error: str
    # Set for a campaign announcement (change_id is then 0): such a row gives up when the
    # member's DMs are closed instead of going to the notify channel.
    announcement_id: int | None = None


@dataclass(frozen=True)
class OutboxStats:
    pending: int
    failing: int  # pending with at least one failed attempt
    delivered: int
    oldest_pending: str  # created_at of the oldest pending one, '' when none


class OutboxStore(Protocol):
    """The durable outbox of direct messages waiting to be delivered."""

    async def due(self, now: dt.datetime, limit: int) -> list[Notification]:
        """Undelivered notifications whose next attempt is due, oldest due first."""
        ...

    async def claim(self, now: dt.datetime, limit: int) -> list[Notification]:
        """Take up to `limit` due notifications for this process to send, oldest due first.

        Another process claiming at the same time gets other rows; a claim not followed by
        a mark (the process died) lapses after a lease and the rows are due again."""
        ...

    async def pending(self, limit: int, viewer: Viewer) -> list[Notification]:
        """Undelivered notifications, most attempted first (for /facts outbox); a recipient
        `viewer` may not see has no platform, workspace, id or name ("someone in another
        workspace") and no text."""
        ...

    async def stats(self) -> OutboxStats: ...

    async def mark_delivered(self, notification_id: int, now: dt.datetime) -> None: ...

    async def mark_failed(self, notification_id: int, now: dt.datetime, error: str) -> None:
        """Record a failed attempt and schedule the next one (capped backoff)."""
        ...

    async def give_up(self, notification_id: int, now: dt.datetime, error: str) -> None:
        """Record a failed attempt and never try again (counted as failed)."""
        ...

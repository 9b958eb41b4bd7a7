"""Messages from a campaign's organizers to its members, and the members who muted them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class DeliveryCounts:
    """A campaign's announcements, counted by where their direct messages stand."""

    announcements: int
    sent: int
    waiting: int  # not yet delivered, still being tried
    failed: int  # given up: DMs closed, or failing past the retry limit


class AnnouncementStore(Protocol):
    async def recipients(self, campaign_id: int) -> int:
        """Members signed up and not muted: who an announcement would reach now."""
        ...

    async def count(self, campaign_id: int) -> int:
        """How many announcements the campaign has sent (a confirmation code includes it,
        so one code sends once)."""
        ...

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
        ...

    async def delivery_counts(self, campaign_id: int) -> DeliveryCounts: ...

    async def mute(self, campaign_id: int, platform: str, user_id: str, now: dt.datetime) -> bool:
        """Stop the campaign's messages to the member, waiting ones included; False when
        already muted."""
        ...

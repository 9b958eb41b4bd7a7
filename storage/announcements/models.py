"""Messages from a campaign's organizers to its members, and the members who muted them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DeliveryCounts:
    """A campaign's announcements, counted by where their direct messages stand."""

    announcements: int
    sent: int
    waiting: int  # not yet delivered, still being tried
    failed: int  # given up: DMs closed, or failing past the retry limit

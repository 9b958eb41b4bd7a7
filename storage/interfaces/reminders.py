"""Announcements scheduled for later: stored, listed, cancelled, and sent once when due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Reminder:
    id: int
    campaign_id: int
    due_at: str  # UTC stamp
    shown_when: str  # as the organizer gave it, with its zone
    text: str


@dataclass(frozen=True)
class NewReminder:
    campaign_id: int
    workspace: str
    author: tuple[str, str]  # (platform, user id)
    due: dt.datetime  # aware
    shown_when: str
    text: str  # the message as members will get it


class ReminderStore(Protocol):
    async def add(self, new: NewReminder, now: dt.datetime) -> int:
        """Store it; returns its id."""
        ...

    async def pending(self, campaign_id: int) -> list[Reminder]:
        """Not yet sent nor cancelled, soonest first."""
        ...

    async def cancel(self, campaign_id: int, reminder_id: int, now: dt.datetime) -> bool:
        """False when there is no such pending reminder of that campaign."""
        ...

    async def send_due(self, now: dt.datetime) -> list[tuple[int, int]]:
        """Queue every due reminder's messages in the outbox and mark it sent, in one
        transaction (so each is sent once); returns (reminder id, messages queued)."""
        ...

"""Announcements scheduled for later: stored, listed, cancelled, and sent once when due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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

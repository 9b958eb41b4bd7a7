"""Where campaign cards were posted, so that their count can be kept true.

A sign-up, a leave or the campaign closing marks its cards stale (in the same transaction,
whatever process made the change); the card refresher claims stale cards that are due,
edits them and reports how it went. Only where each message is gets stored, never who
signed up."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class NewCard:
    """A card just posted: which campaign, and where its message is."""

    campaign_id: int
    platform: str
    workspace: str
    channel: str
    message_id: str


@dataclass(frozen=True)
class Card(NewCard):
    id: int
    attempts: int  # failed edits in a row
    edited_at: str | None
    deleted_at: str | None  # set once the message was found gone


class CardStore(Protocol):
    async def remember(self, new: NewCard, now: dt.datetime, count_shown: int) -> None:
        """Store where a card was posted (once: the same message again changes nothing).
        `count_shown` is the count on it: if sign-ups changed it meanwhile (or the campaign
        closed), the card is stale from the start. The count itself is not kept."""
        ...

    async def claim_due(
        self, platforms: Sequence[str], now: dt.datetime, every: dt.timedelta, limit: int
    ) -> builtins.list[Card]:
        """Stale cards of these platforms whose next edit is due: each is marked fresh and
        not due again before `now + every`, in one statement, so that sign-ups arriving
        meanwhile make it stale again and another process claims other cards."""
        ...

    async def edited(self, card_id: int, now: dt.datetime) -> None:
        """The edit went through: no failures in a row any more."""
        ...

    async def retry(self, card_id: int, at: dt.datetime, attempts: int) -> None:
        """The edit failed: stale again, not tried before `at`."""
        ...

    async def forget(self, card_id: int, now: dt.datetime) -> None:
        """The message is gone (deleted, or its channel): never edited again."""
        ...

    async def of_campaign(self, campaign_id: int) -> builtins.list[Card]:
        """Every card of a campaign, deleted ones too, first posted first."""
        ...

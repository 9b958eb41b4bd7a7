"""Campaigns and their sign-ups: create, close, join, leave, count, export."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable
from typing import Protocol

from storage.campaigns.ending import EndedCampaign
from storage.campaigns.models import Campaign, ExportRow, JoinOutcome, Member, NewCampaign


class CampaignStore(Protocol):
    """Campaigns and their sign-ups: create, close, join, leave, count, export.

    Dates are ISO strings (`today` YYYY-MM-DD, `now` YYYY-MM-DDTHH:MM:SSZ) chosen by the
    caller's clock, so storage never asks the system what day it is."""

    async def create(self, new: NewCampaign) -> bool:
        """Store it; False when its slug is already taken in that workspace."""
        ...

    async def close(self, campaign: Campaign, today: str) -> bool:
        """Stop its sign-ups; False when it was already closed."""
        ...

    async def find(self, workspace: str, slug: str) -> Campaign | None:
        """The campaign, possibly from memory (a close elsewhere is re-checked by `join`)."""
        ...

    async def by_id(self, campaign_id: int) -> Campaign | None:
        """The campaign as stored now (never from memory), or None once deleted."""
        ...

    async def list(self, workspace: str, limit: int) -> builtins.list[tuple[Campaign, int]]:
        """A workspace's campaigns, open ones first, each with its sign-up count."""
        ...

    async def slugs_like(self, workspace: str, typed: str, limit: int) -> builtins.list[str]:
        """Slugs containing `typed`, prefix matches first (autocomplete)."""
        ...

    async def join(self, campaign_id: int, member: Member, now: str, today: str) -> JoinOutcome:
        """Sign up once, refused when closed or ended; returns once committed."""
        ...

    async def leave(self, campaign_id: int, platform: str, user_id: str) -> bool:
        """Delete the member's sign-up; False when there was none."""
        ...

    async def count_signups(self, campaign_id: int) -> int: ...

    async def signups_by_day(self, campaign_id: int, days: int) -> builtins.list[tuple[str, int]]:
        """The latest `days` days that had sign-ups, newest first: (ISO day, count)."""
        ...

    async def export_rows(self, campaign_id: int) -> builtins.list[ExportRow]: ...

    async def signup_of(self, campaign_id: int, platform: str, user_id: str) -> str | None:
        """When this member signed up (ISO day), or None."""
        ...

    async def add_organizer(
        self, campaign_id: int, platform: str, user_id: str, now: dt.datetime
    ) -> None:
        """Record who organizes it (they get its closing summary); idempotent."""
        ...

    async def close_ended(
        self, today: str, now: dt.datetime, summary: Callable[[EndedCampaign], str]
    ) -> builtins.list[EndedCampaign]:
        """Close the campaigns whose end date is before `today` and queue `summary(c)` to
        each one's organizers, in one transaction (so each summary goes once)."""
        ...

"""CampaignStore: the CampaignStore in SQL (SQLite or PostgreSQL), with its campaign cache.

The cache lives here, not in the process's Deps, because what may be cached and when it
goes stale is a storage concern: this repository forgets a workspace's campaigns after
its own create or close has committed. Another process's repository keeps its own cache;
what that process changes is noticed through the database's watch (storage/db_watch.py,
within half a second), and the join statement re-checks in SQL meanwhile."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable

from storage.campaigns import ending, reads, writes
from storage.campaigns.cache import CampaignCache
from storage.campaigns.models import (
    Campaign,
    EndedCampaign,
    ExportRow,
    JoinOutcome,
    Member,
    NewCampaign,
)
from storage.sql import Conn, Db, stamp


class CampaignStore:
    """Campaigns and their sign-ups: create, close, join, leave, count, export.

    Dates are ISO strings (`today` YYYY-MM-DD, `now` YYYY-MM-DDTHH:MM:SSZ) chosen by the
    caller's clock, so storage never asks the system what day it is."""

    def __init__(self, db: Db) -> None:
        self._db = db
        self._cache = CampaignCache()

    async def create(self, new: NewCampaign) -> bool:
        """Store it; False when its slug is already taken in that workspace."""

        async def job(conn: Conn) -> bool:
            return await writes.create_campaign(conn, new)

        created = await self._db.write(job)
        self._cache.forget(new.workspace)
        return created

    async def close(self, campaign: Campaign, today: str) -> bool:
        """Stop its sign-ups; False when it was already closed."""

        async def job(conn: Conn) -> bool:
            return await writes.close_campaign(conn, campaign.id, today)

        closed = await self._db.write(job)
        self._cache.forget(campaign.workspace)
        return closed

    async def find(self, workspace: str, slug: str) -> Campaign | None:
        """The campaign, possibly from memory (a close elsewhere is re-checked by `join`)."""
        return await self._cache.find(self._db, workspace, slug)

    async def by_id(self, campaign_id: int) -> Campaign | None:
        """The campaign as stored now (never from memory), or None once deleted."""
        return await reads.campaign_by_id(self._db, campaign_id)

    async def list(self, workspace: str, limit: int) -> builtins.list[tuple[Campaign, int]]:
        """A workspace's campaigns, open ones first, each with its sign-up count."""
        return await reads.list_campaigns(self._db, workspace, limit)

    async def slugs_like(self, workspace: str, typed: str, limit: int) -> builtins.list[str]:
        """Slugs containing `typed`, prefix matches first (autocomplete)."""
        return await reads.slugs_like(self._db, workspace, typed, limit)

    async def join(self, campaign_id: int, member: Member, now: str, today: str) -> JoinOutcome:
        # The hot path: one group-committed statement, no read (the campaign came from cache).
        """Sign up once, refused when closed or ended; returns once committed."""
        return await writes.join(self._db, campaign_id, member, now, today)

    async def leave(self, campaign_id: int, platform: str, user_id: str) -> bool:
        """Delete the member's sign-up; False when there was none."""

        async def job(conn: Conn) -> bool:
            return await writes.leave(conn, campaign_id, platform, user_id)

        return await self._db.write(job)

    async def count_signups(self, campaign_id: int) -> int:
        return await reads.count_signups(self._db, campaign_id)

    async def signups_by_day(self, campaign_id: int, days: int) -> builtins.list[tuple[str, int]]:
        """The latest `days` days that had sign-ups, newest first: (ISO day, count)."""
        return await reads.signups_by_day(self._db, campaign_id, days)

    async def export_rows(self, campaign_id: int) -> builtins.list[ExportRow]:
        return await reads.export_rows(self._db, campaign_id)

    async def signup_of(self, campaign_id: int, platform: str, user_id: str) -> str | None:
        """When this member signed up (ISO day), or None."""
        return await reads.signup_of(self._db, campaign_id, platform, user_id)

    async def add_organizer(
        self, campaign_id: int, platform: str, user_id: str, now: dt.datetime
    ) -> None:
        """Record who organizes it (they get its closing summary); idempotent."""

        async def job(conn: Conn) -> None:
            await ending.add_organizer(conn, campaign_id, platform, user_id, stamp(now))

        await self._db.write(job)

    async def close_ended(
        self, today: str, now: dt.datetime, summary: Callable[[EndedCampaign], str]
    ) -> builtins.list[EndedCampaign]:
        """Close the campaigns whose end date is before `today` and queue `summary(c)` to
        each one's organizers, in one transaction (so each summary goes once)."""

        async def job(conn: Conn) -> builtins.list[EndedCampaign]:
            return await ending.close_ended(conn, self._db.dialect, today, stamp(now), summary)

        closed = await self._db.write(job)
        for campaign in closed:
            self._cache.forget(campaign.workspace)
        return closed

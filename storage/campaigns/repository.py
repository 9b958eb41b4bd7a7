"""SqlCampaigns: the CampaignStore in SQL (SQLite or PostgreSQL), with its campaign cache.

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
from storage.campaigns.models import Campaign, ExportRow, JoinOutcome, Member, NewCampaign
from storage.outbox import stamp
from storage.sql import Conn, Db


class SqlCampaigns:
    """CampaignStore in SQL (SQLite or PostgreSQL)."""

    def __init__(self, db: Db) -> None:
        self._db = db
        self._cache = CampaignCache()

    async def create(self, new: NewCampaign) -> bool:
        async def job(conn: Conn) -> bool:
            return await writes.create_campaign(conn, new)

        created = await self._db.write(job)
        self._cache.forget(new.workspace)
        return created

    async def close(self, campaign: Campaign, today: str) -> bool:
        async def job(conn: Conn) -> bool:
            return await writes.close_campaign(conn, campaign.id, today)

        closed = await self._db.write(job)
        self._cache.forget(campaign.workspace)
        return closed

    async def find(self, workspace: str, slug: str) -> Campaign | None:
        return await self._cache.find(self._db, workspace, slug)

    async def by_id(self, campaign_id: int) -> Campaign | None:
        return await reads.campaign_by_id(self._db, campaign_id)

    async def list(self, workspace: str, limit: int) -> builtins.list[tuple[Campaign, int]]:
        return await reads.list_campaigns(self._db, workspace, limit)

    async def slugs_like(self, workspace: str, typed: str, limit: int) -> builtins.list[str]:
        return await reads.slugs_like(self._db, workspace, typed, limit)

    async def join(self, campaign_id: int, member: Member, now: str, today: str) -> JoinOutcome:
        # The hot path: one group-committed statement, no read (the campaign came from cache).
        return await writes.join(self._db, campaign_id, member, now, today)

    async def leave(self, campaign_id: int, platform: str, user_id: str) -> bool:
        async def job(conn: Conn) -> bool:
            return await writes.leave(conn, campaign_id, platform, user_id)

        return await self._db.write(job)

    async def count_signups(self, campaign_id: int) -> int:
        return await reads.count_signups(self._db, campaign_id)

    async def signups_by_day(self, campaign_id: int, days: int) -> builtins.list[tuple[str, int]]:
        return await reads.signups_by_day(self._db, campaign_id, days)

    async def export_rows(self, campaign_id: int) -> builtins.list[ExportRow]:
        return await reads.export_rows(self._db, campaign_id)

    async def signup_of(self, campaign_id: int, platform: str, user_id: str) -> str | None:
        return await reads.signup_of(self._db, campaign_id, platform, user_id)

    async def add_organizer(
        self, campaign_id: int, platform: str, user_id: str, now: dt.datetime
    ) -> None:
        async def job(conn: Conn) -> None:
            await ending.add_organizer(conn, campaign_id, platform, user_id, stamp(now))

        await self._db.write(job)

    async def close_ended(
        self, today: str, now: dt.datetime, summary: Callable[[ending.EndedCampaign], str]
    ) -> builtins.list[ending.EndedCampaign]:
        async def job(conn: Conn) -> builtins.list[ending.EndedCampaign]:
            return await ending.close_ended(conn, self._db.dialect, today, stamp(now), summary)

        closed = await self._db.write(job)
        for campaign in closed:
            self._cache.forget(campaign.workspace)
        return closed

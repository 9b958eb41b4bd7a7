"""CampaignStore: campaigns and their sign-ups in SQL (SQLite or PostgreSQL), with its cache.

Every query a method runs is written in that method. Writes run inside a `Db.write` job
(group-committed), except `join`, which is one statement through `Db.write_statement` (the
hot path). The cache lives here, not in the process's Deps, because what may be cached and
when it goes stale is a storage concern: this repository forgets a workspace's campaigns
after its own create or close has committed. Another process's repository keeps its own
cache; what that process changes is noticed through the database's watch
(storage/db_watch.py, within half a second), and the join statement re-checks in SQL
meanwhile."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable

from lexicon.i18n import _
from storage.campaigns import ending
from storage.campaigns.cache import CampaignCache
from storage.campaigns.models import (
    CAMPAIGN_COLUMNS,
    CAMPAIGN_FIELDS,
    JOINED,
    Campaign,
    EndedCampaign,
    ExportRow,
    JoinOutcome,
    JoinStatus,
    Member,
    NewCampaign,
    campaign_from_row,
)
from storage.sql import Conn, Db, stamp

JOIN_SQL = (
    "INSERT INTO signups (campaign_id, platform, user_id, display_name, city, signed_up_at)"
    " SELECT id, ?, ?, ?, ?, ? FROM campaigns"
    " WHERE id = ? AND closed_on IS NULL AND (ends IS NULL OR ends >= ?)"
    " ON CONFLICT (campaign_id, platform, user_id) DO NOTHING"
)
# Why nothing was inserted, read in the same transaction: the member's existing sign-up
# (if any) and the campaign as it stands (NULLs when it no longer exists). Always one row.
WHY_NOT_JOINED_SQL = (
    "SELECT s.signed_up_at, c.id, c.workspace, c.slug, c.title, c.goal, c.template, c.place,"
    " c.ends, c.created_on, c.closed_on FROM (SELECT CAST(? AS BIGINT) AS id) AS wanted"
    " LEFT JOIN campaigns c ON c.id = wanted.id"
    " LEFT JOIN signups s ON s.campaign_id = wanted.id AND s.platform = ? AND s.user_id = ?"
)


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
            rows = await conn.execute_fetchall(
                "INSERT INTO campaigns"
                " (workspace, slug, title, goal, template, place, ends, created_on, language)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (workspace, slug) DO NOTHING RETURNING id",
                (
                    new.workspace,
                    new.slug,
                    new.title,
                    new.goal,
                    new.template,
                    new.place,
                    new.ends,
                    new.created_on,
                    new.language,
                ),
            )
            return bool(list(rows))

        created = await self._db.write(job)
        self._cache.forget(new.workspace)
        return created

    async def close(self, campaign: Campaign, today: str) -> bool:
        """Stop its sign-ups; False when it was already closed."""

        async def job(conn: Conn) -> bool:
            cursor = await conn.execute(
                "UPDATE campaigns SET closed_on = ? WHERE id = ? AND closed_on IS NULL",
                (today, campaign.id),
            )
            return cursor.rowcount == 1

        closed = await self._db.write(job)
        self._cache.forget(campaign.workspace)
        return closed

    async def set_language(self, campaign: Campaign, language: str) -> None:
        """Set the campaign's own language ('' clears it)."""
        await self._db.write_statement(
            "UPDATE campaigns SET language = ? WHERE id = ?", (language, campaign.id)
        )
        self._cache.forget(campaign.workspace)

    async def find(self, workspace: str, slug: str) -> Campaign | None:
        """The campaign, possibly from memory (a close elsewhere is re-checked by `join`)."""
        return await self._cache.find(self._db, workspace, slug)

    async def by_id(self, campaign_id: int) -> Campaign | None:
        """The campaign as stored now (never from memory), or None once deleted."""
        row = await self._db.fetchone(
            f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?", (campaign_id,)
        )
        return None if row is None else campaign_from_row(row)

    async def list(self, workspace: str, limit: int) -> builtins.list[tuple[Campaign, int]]:
        """A workspace's campaigns, open ones first, each with its sign-up count."""
        rows = await self._db.fetchall(
            f"SELECT {CAMPAIGN_COLUMNS},"
            " (SELECT count(*) FROM signups s WHERE s.campaign_id = campaigns.id) AS members"
            " FROM campaigns WHERE workspace = ?"
            " ORDER BY closed_on IS NOT NULL, created_on DESC, slug LIMIT ?",
            (workspace, limit),
        )
        return [
            (campaign_from_row(tuple(row)[: len(CAMPAIGN_FIELDS)]), int(row["members"]))
            for row in rows
        ]

    async def slugs_like(self, workspace: str, typed: str, limit: int) -> builtins.list[str]:
        """Slugs containing `typed`, prefix matches first (autocomplete)."""
        # lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
        pattern = typed.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = await self._db.fetchall(
            "SELECT slug FROM campaigns WHERE workspace = ? AND lower(slug) LIKE ? ESCAPE '\\'"
            " ORDER BY lower(slug) NOT LIKE ? ESCAPE '\\', closed_on IS NOT NULL, slug LIMIT ?",
            (workspace, f"%{pattern}%", f"{pattern}%", limit),
        )
        return [str(row[0]) for row in rows]

    async def join(self, campaign_id: int, member: Member, now: str, today: str) -> JoinOutcome:
        """Sign up once, refused when closed or ended; returns once committed.

        The hot path: ONE statement through the group-committed writer, no read (the
        campaign came from cache). The open-campaign check and the insert happen together,
        so a campaign closed a moment ago refuses. When it inserted nothing, the reason is
        read right after it in the same trip (no second round trip); when it inserted, no
        row comes back at all."""
        rows = await self._db.write_statement(
            JOIN_SQL,
            (
                member.platform,
                member.user_id,
                member.display_name,
                member.city,
                now,
                campaign_id,
                today,
            ),
            otherwise=(WHY_NOT_JOINED_SQL, (campaign_id, member.platform, member.user_id)),
        )
        if not rows:
            return JOINED
        since, *campaign = tuple(rows[0])
        if since is not None:
            return JoinOutcome(JoinStatus.ALREADY, since=str(since)[:10])
        if campaign[0] is None:
            return JoinOutcome(JoinStatus.REFUSED, reason=_("That campaign no longer exists."))
        reason = campaign_from_row(campaign).refusal(today)
        return JoinOutcome(
            JoinStatus.REFUSED, reason=reason or _("That campaign takes no sign-ups.")
        )

    async def leave(self, campaign_id: int, platform: str, user_id: str) -> bool:
        """Delete the member's sign-up (nothing kept that is no longer needed); False when
        there was none."""

        async def job(conn: Conn) -> bool:
            cursor = await conn.execute(
                "DELETE FROM signups WHERE campaign_id = ? AND platform = ? AND user_id = ?",
                (campaign_id, platform, user_id),
            )
            return cursor.rowcount > 0

        return await self._db.write(job)

    async def count_signups(self, campaign_id: int) -> int:
        row = await self._db.fetchone(
            "SELECT count(*) FROM signups WHERE campaign_id = ?", (campaign_id,)
        )
        return int(row[0]) if row else 0

    async def signups_by_day(self, campaign_id: int, days: int) -> builtins.list[tuple[str, int]]:
        """The latest `days` days that had sign-ups, newest first: (ISO day, count)."""
        rows = await self._db.fetchall(
            "SELECT substr(signed_up_at, 1, 10) AS day, count(*) FROM signups"
            " WHERE campaign_id = ? GROUP BY day ORDER BY day DESC LIMIT ?",
            (campaign_id, days),
        )
        return [(str(row[0]), int(row[1])) for row in rows]

    async def export_rows(self, campaign_id: int) -> builtins.list[ExportRow]:
        rows = await self._db.fetchall(
            "SELECT display_name, city, substr(signed_up_at, 1, 10), platform, user_id"
            " FROM signups WHERE campaign_id = ? ORDER BY signed_up_at, id",
            (campaign_id,),
        )
        return [ExportRow(*(str(v) for v in tuple(r))) for r in rows]

    async def signup_of(self, campaign_id: int, platform: str, user_id: str) -> str | None:
        """When this member signed up (ISO day), or None."""
        row = await self._db.fetchone(
            "SELECT signed_up_at FROM signups"
            " WHERE campaign_id = ? AND platform = ? AND user_id = ?",
            (campaign_id, platform, user_id),
        )
        return None if row is None else str(row[0])[:10]

    async def add_organizer(
        self, campaign_id: int, platform: str, user_id: str, now: dt.datetime
    ) -> None:
        """Record who organizes it (they get its closing summary); idempotent."""

        async def job(conn: Conn) -> None:
            # Shared with announcements and reminders, which add one inside their own jobs.
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

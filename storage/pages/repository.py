"""Campaign pages: a campaign's public page (by its unguessable token) and web signatures,
in SQL for both backends (migration 0017_campaign_pages)."""

from __future__ import annotations

from storage.campaigns.models import (
    CAMPAIGN_COLUMNS,
    JOINED,
    Campaign,
    JoinOutcome,
    JoinStatus,
    Member,
    campaign_from_row,
)
from storage.campaigns.repository import JOIN_SQL, WHY_NOT_JOINED_SQL
from storage.pages.models import Strike
from storage.pages.strikes import strike
from storage.sql import Conn, Db

_PREFIXED = ", ".join(f"c.{name.strip()}" for name in CAMPAIGN_COLUMNS.split(","))


class PageStore:
    """Publication of campaign pages and the signatures made on them. Times and days are ISO
    strings chosen by the caller's clock."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def publish(self, campaign_id: int, token: str, now: str) -> str:
        async def job(conn: Conn) -> str:
            await conn.execute(
                "INSERT INTO campaign_pages (campaign_id, token, published_at) VALUES (?, ?, ?)"
                " ON CONFLICT (campaign_id) DO NOTHING",
                (campaign_id, token, now),
            )
            async with conn.execute(
                "SELECT token FROM campaign_pages WHERE campaign_id = ?", (campaign_id,)
            ) as cursor:
                row = await cursor.fetchone()
            return str(row[0]) if row else token

        return await self._db.write(job)

    async def unpublish(self, campaign_id: int) -> bool:
        async def job(conn: Conn) -> bool:
            cursor = await conn.execute(
                "DELETE FROM campaign_pages WHERE campaign_id = ?", (campaign_id,)
            )
            return cursor.rowcount > 0

        return await self._db.write(job)

    async def token_of(self, campaign_id: int) -> str | None:
        row = await self._db.fetchone(
            "SELECT token FROM campaign_pages WHERE campaign_id = ?", (campaign_id,)
        )
        return None if row is None else str(row[0])

    async def campaign_by_token(self, token: str) -> Campaign | None:
        row = await self._db.fetchone(
            f"SELECT {_PREFIXED} FROM campaign_pages p JOIN campaigns c ON c.id = p.campaign_id"
            " WHERE p.token = ?",
            (token,),
        )
        return None if row is None else campaign_from_row(row)

    async def sign(
        self, campaign_id: int, member: Member, email: str, removal_hash: str, now: str, today: str
    ) -> JoinOutcome:
        async def job(conn: Conn) -> JoinOutcome:
            params = (member.platform, member.user_id, member.display_name, member.city, now)
            async with conn.execute(
                JOIN_SQL + " RETURNING id", (*params, campaign_id, today)
            ) as cursor:
                inserted = await cursor.fetchone()
            if inserted is not None:
                await conn.execute(
                    "INSERT INTO web_signatures (signup_id, removal_hash, email) VALUES (?, ?, ?)",
                    (inserted[0], removal_hash, email),
                )
                return JOINED
            async with conn.execute(
                WHY_NOT_JOINED_SQL, (campaign_id, member.platform, member.user_id)
            ) as cursor:
                row = await cursor.fetchone()
            since, *campaign = tuple(row) if row else (None, None)
            if since is not None:
                return JoinOutcome(JoinStatus.ALREADY, since=str(since)[:10])
            if not campaign or campaign[0] is None:
                return JoinOutcome(JoinStatus.REFUSED, reason="That campaign no longer exists.")
            reason = campaign_from_row(campaign).refusal(today)
            return JoinOutcome(JoinStatus.REFUSED, reason=reason or "It takes no signatures.")

        return await self._db.write(job)

    async def removal_campaign(self, removal_hash: str) -> Campaign | None:
        row = await self._db.fetchone(
            f"SELECT {_PREFIXED} FROM web_signatures w JOIN signups s ON s.id = w.signup_id"
            " JOIN campaigns c ON c.id = s.campaign_id WHERE w.removal_hash = ?",
            (removal_hash,),
        )
        return None if row is None else campaign_from_row(row)

    async def remove(self, removal_hash: str) -> bool:
        async def job(conn: Conn) -> bool:
            cursor = await conn.execute(
                "DELETE FROM signups WHERE id ="
                " (SELECT signup_id FROM web_signatures WHERE removal_hash = ?)",
                (removal_hash,),
            )
            return cursor.rowcount > 0

        return await self._db.write(job)

    async def strike(
        self, campaign_id: int, number: int, platform: str, user_id: str, now: str
    ) -> Strike:
        async def job(conn: Conn) -> Strike:
            return await strike(conn, campaign_id, number, platform, user_id, now)

        return await self._db.write(job)

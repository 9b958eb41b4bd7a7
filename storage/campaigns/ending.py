"""A campaign's organizers, and closing campaigns whose end date has passed: the close and
the organizers' summary messages (outbox rows) commit together, so each summary goes once."""

from __future__ import annotations

from collections.abc import Callable

from lexicon.i18n import _
from storage.campaigns.models import EndedCampaign
from storage.sql import Conn, Db, Dialect, returned_id, skip_locked


async def add_organizer(conn: Conn, campaign_id: int, platform: str, user_id: str, at: str) -> None:
    await conn.execute(
        "INSERT INTO campaign_organizers (campaign_id, platform, user_id, added_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (campaign_id, platform, user_id, at),
    )


_ENDED = (
    "SELECT c.id, c.workspace, c.slug, c.title, c.goal, c.ends,"
    " (SELECT COUNT(*) FROM signups s WHERE s.campaign_id = c.id)"
    " FROM campaigns c WHERE c.closed_on IS NULL AND c.ends IS NOT NULL AND c.ends < ?"
    " ORDER BY c.ends, c.id LIMIT 50{lock}"
)


async def close_ended(
    conn: Conn, dialect: Dialect, today: str, at: str, summary: Callable[[EndedCampaign], str]
) -> list[EndedCampaign]:
    """Inside a write job: close every open campaign whose last day is before `today` and
    queue `summary(campaign)` to each of its organizers, once whichever process does it."""
    async with conn.execute(_ENDED.format(lock=skip_locked(dialect)), (today,)) as cursor:
        ended = [EndedCampaign(*tuple(r)) for r in await cursor.fetchall()]
    for campaign in ended:
        await conn.execute(
            "UPDATE campaigns SET closed_on = ? WHERE id = ? AND closed_on IS NULL",
            (today, campaign.id),
        )
        cursor = await conn.execute(
            "INSERT INTO campaign_announcements (campaign_id, author_platform, author_id,"
            " created_at, recipients, kind) SELECT ?, '', '', ?, COUNT(*), 'summary'"
            " FROM campaign_organizers WHERE campaign_id = ? RETURNING id",
            (campaign.id, at, campaign.id),
        )
        announcement_id = await returned_id(cursor)
        await conn.execute(
            "INSERT INTO notifications (announcement_id, platform, workspace, user_id, text,"
            " created_at, next_attempt_at) SELECT ?, platform, ?, user_id, ?, ?, ?"
            " FROM campaign_organizers WHERE campaign_id = ?",
            (announcement_id, campaign.workspace, summary(campaign), at, at, campaign.id),
        )
    return ended


async def describe_organizing(db: Db, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT c.workspace, c.slug FROM campaign_organizers o JOIN campaigns c"
        " ON c.id = o.campaign_id WHERE o.platform = ? AND o.user_id = ? ORDER BY c.slug",
        (platform, user_id),
    )
    return [
        _("{slug} in workspace {workspace}: you get its closing summary").format(
            slug=slug, workspace=ws
        )
        for ws, slug in rows
    ]


async def erase_organizing(conn: Conn, platform: str, user_id: str) -> int:
    cursor = await conn.execute(
        "DELETE FROM campaign_organizers WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    return max(cursor.rowcount, 0)

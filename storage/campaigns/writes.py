"""Campaign and sign-up writes: each runs inside a `Db.write` job (group-committed),
except `join`, which is one statement through `Db.write_statement` (the hot path)."""

from __future__ import annotations

from storage.campaigns.models import (
    JOINED,
    JoinOutcome,
    JoinStatus,
    Member,
    NewCampaign,
    campaign_from_row,
)
from storage.sql import Conn, Db


async def create_campaign(conn: Conn, new: NewCampaign) -> bool:
    """Insert the campaign; False when its slug is already taken in that workspace."""
    rows = await conn.execute_fetchall(
        "INSERT INTO campaigns (workspace, slug, title, goal, template, place, ends, created_on)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace, slug) DO NOTHING RETURNING id",
        (
            new.workspace,
            new.slug,
            new.title,
            new.goal,
            new.template,
            new.place,
            new.ends,
            new.created_on,
        ),
    )
    return bool(list(rows))


async def close_campaign(conn: Conn, campaign_id: int, today: str) -> bool:
    """Close it; False when it was already closed."""
    cursor = await conn.execute(
        "UPDATE campaigns SET closed_on = ? WHERE id = ? AND closed_on IS NULL",
        (today, campaign_id),
    )
    return cursor.rowcount == 1


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


async def join(db: Db, campaign_id: int, member: Member, now: str, today: str) -> JoinOutcome:
    """Sign `member` up, once; returns after the sign-up is committed.

    ONE statement through the group-committed writer: the open-campaign check and the
    insert happen together, so a campaign closed a moment ago refuses. When it inserted
    nothing, the reason is read right after it in the same trip (no second round trip);
    when it inserted, no row comes back at all."""
    rows = await db.write_statement(
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
        return JoinOutcome(JoinStatus.REFUSED, reason="That campaign no longer exists.")
    reason = campaign_from_row(campaign).refusal(today)
    return JoinOutcome(JoinStatus.REFUSED, reason=reason or "That campaign takes no sign-ups.")


async def leave(conn: Conn, campaign_id: int, platform: str, user_id: str) -> bool:
    """Withdraw: the sign-up row is deleted (nothing kept that is no longer needed)."""
    cursor = await conn.execute(
        "DELETE FROM signups WHERE campaign_id = ? AND platform = ? AND user_id = ?",
        (campaign_id, platform, user_id),
    )
    return cursor.rowcount > 0


async def erase_member(conn: Conn, platform: str, user_id: str) -> int:
    """Privacy erasure: every sign-up of this member, in every workspace."""
    cursor = await conn.execute(
        "DELETE FROM signups WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    return max(cursor.rowcount, 0)

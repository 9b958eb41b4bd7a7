"""Struck web signatures (/campaign strike): the deletion and its audit row in one
transaction, and the organizer's part of /mydata and /forgetme."""

from __future__ import annotations

from lexicon.i18n import ngettext
from storage.pages.models import Strike
from storage.sql import Conn, Db

ERASED = "erased"


async def strike(
    conn: Conn, campaign_id: int, number: int, platform: str, user_id: str, now: str
) -> Strike:
    """Delete signer `number` (as numbered in the export and the PDF) when it signed on the
    web, recording who struck it; a chat member's sign-up is theirs to withdraw."""
    async with conn.execute(
        "SELECT id, platform, substr(signed_up_at, 1, 10) FROM signups WHERE campaign_id = ?"
        " ORDER BY signed_up_at, id LIMIT 1 OFFSET ?",
        (campaign_id, number - 1),
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return Strike(False, why_not="missing")
    if row[1] != "web":
        return Strike(False, why_not="chat")
    await conn.execute("DELETE FROM signups WHERE id = ?", (row[0],))
    await conn.execute(
        "INSERT INTO campaign_strikes"
        " (campaign_id, signer_number, signed_on, struck_at, platform, user_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (campaign_id, number, row[2], now, platform, user_id),
    )
    return Strike(True, signed_on=str(row[2]))


async def describe_strikes(db: Db, platform: str, user_id: str) -> list[str]:
    row = await db.fetchone(
        "SELECT count(*) FROM campaign_strikes WHERE platform = ? AND user_id = ?",
        (platform, user_id),
    )
    count = int(row[0]) if row else 0
    if not count:
        return []
    return [
        ngettext(
            "You struck {n:,} web signatures (recorded with your id)",
            "You struck {n:,} web signatures (recorded with your id)",
            count,
        ).format(n=count)
    ]


async def erase_strikes(conn: Conn, platform: str, user_id: str) -> int:
    """The record of each strike stays (what was struck, when); who struck it goes."""
    cursor = await conn.execute(
        "UPDATE campaign_strikes SET platform = '', user_id = ? WHERE platform = ? AND user_id = ?",
        (ERASED, platform, user_id),
    )
    return max(cursor.rowcount, 0)

"""campaign_cards on SQLite (a CardStore). Staleness is set by triggers (migration 0014)
on sign-ups, leaves and closings; everything else goes through here.

The SQL is written to run unchanged on PostgreSQL: no INSERT OR IGNORE, no lastrowid, no
UPDATE .. LIMIT (a subquery picks the rows instead)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from storage.cards.models import Card, NewCard
from storage.sql import Db, stamp

_COLUMNS = (
    "campaign_id, platform, workspace, channel, message_id, workspace_locale, id, attempts,"
    " edited_at, deleted_at"
)

# Stale at once when the count changed (or the campaign closed) between the count the card
# shows and now: such a sign-up found no card row to mark.
_REMEMBER = (
    "INSERT INTO campaign_cards (campaign_id, platform, workspace, channel, message_id,"
    " workspace_locale, posted_at, next_edit_at, stale) SELECT c.id, ?, ?, ?, ?, ?, ?, ?,"
    " CASE WHEN c.closed_on IS NOT NULL"
    " OR (SELECT count(*) FROM signups s WHERE s.campaign_id = c.id) <> ? THEN 1 ELSE 0 END"
    " FROM campaigns c WHERE c.id = ?"
    " ON CONFLICT (platform, channel, message_id) DO NOTHING"
)

# `stale = 1` is checked again outside the subquery: on PostgreSQL a second process that
# waited for the row lock re-reads the row and finds it claimed already.
_CLAIM = (
    "UPDATE campaign_cards SET stale = 0, next_edit_at = ?"
    " WHERE stale = 1 AND id IN (SELECT id FROM campaign_cards"
    " WHERE stale = 1 AND deleted_at IS NULL AND next_edit_at <= ? AND platform IN ({})"
    " ORDER BY next_edit_at, id LIMIT ?)"
    f" RETURNING {_COLUMNS}"
)


def _not_before(when: dt.datetime) -> str:
    """`when` as a stamp, rounded UP to the second the stamps hold: a card paced to every
    5 s is never edited after 4.1."""
    if when.microsecond:
        when = when.replace(microsecond=0) + dt.timedelta(seconds=1)
    return stamp(when)


def _card(row: Iterable[Any]) -> Card:
    campaign_id, platform, workspace, channel, message_id, workspace_locale, *rest = tuple(row)
    card_id, attempts, edited_at, deleted_at = rest
    return Card(
        campaign_id=int(campaign_id),
        platform=str(platform),
        workspace=str(workspace),
        channel=str(channel),
        message_id=str(message_id),
        workspace_locale=str(workspace_locale),
        id=int(card_id),
        attempts=int(attempts),
        edited_at=edited_at,
        deleted_at=deleted_at,
    )


class CardStore:
    """CardStore on SQLite; each write is one statement through the group-committed writer."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def remember(self, new: NewCard, now: dt.datetime, count_shown: int) -> None:
        """Store where a card was posted (once: the same message again changes nothing).
        `count_shown` is the count on it: if sign-ups changed it meanwhile (or the campaign
        closed), the card is stale from the start. The count itself is not kept."""
        at = stamp(now)
        where = (new.platform, new.workspace, new.channel, new.message_id, new.workspace_locale)
        values = (*where, at, at)
        await self._db.write_statement(_REMEMBER, (*values, count_shown, new.campaign_id))

    async def claim_due(
        self, platforms: Sequence[str], now: dt.datetime, every: dt.timedelta, limit: int
    ) -> list[Card]:
        """Stale cards of these platforms whose next edit is due: each is marked fresh and
        not due again before `now + every`, in one statement, so that sign-ups arriving
        meanwhile make it stale again and another process claims other cards."""
        if not platforms:
            return []
        sql = _CLAIM.format(", ".join("?" for _ in platforms))
        params = (_not_before(now + every), stamp(now), *platforms, limit)
        rows = await self._db.write_statement(sql, params)
        return sorted((_card(r) for r in rows), key=lambda card: card.id)

    async def edited(self, card_id: int, now: dt.datetime) -> None:
        """The edit went through: no failures in a row any more."""
        await self._db.write_statement(
            "UPDATE campaign_cards SET edited_at = ?, attempts = 0 WHERE id = ?",
            (stamp(now), card_id),
        )

    async def retry(self, card_id: int, at: dt.datetime, attempts: int) -> None:
        """The edit failed: stale again, not tried before `at`."""
        await self._db.write_statement(
            "UPDATE campaign_cards SET stale = 1, next_edit_at = ?, attempts = ? WHERE id = ?",
            (_not_before(at), attempts, card_id),
        )

    async def forget(self, card_id: int, now: dt.datetime) -> None:
        """The message is gone (deleted, or its channel): never edited again."""
        await self._db.write_statement(
            "UPDATE campaign_cards SET deleted_at = ?, stale = 0 WHERE id = ?",
            (stamp(now), card_id),
        )

    async def of_campaign(self, campaign_id: int) -> list[Card]:
        """Every card of a campaign, deleted ones too, first posted first."""
        rows = await self._db.fetchall(
            f"SELECT {_COLUMNS} FROM campaign_cards WHERE campaign_id = ? ORDER BY id",
            (campaign_id,),
        )
        return [_card(r) for r in rows]

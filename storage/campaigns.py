"""Campaigns and sign-ups: all of their SQL.

Functions taking a `conn` run inside a `Database.write` job (group-committed);
functions taking a `db` read from the read-only connection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import aiosqlite

from storage.db import Database


@dataclass(frozen=True)
class NewCampaign:
    workspace: str
    slug: str
    title: str
    goal: int | None
    template: str
    place: str
    ends: str | None
    created_on: str


@dataclass(frozen=True)
class Campaign(NewCampaign):
    """A stored campaign: what was created, plus its id and when (if) it was closed."""

    id: int
    closed_on: str | None

    def refusal(self, today: str) -> str:
        """Why this campaign takes no sign-ups on `today`, or '' when it does."""
        if self.closed_on is not None:
            return f"The campaign {self.slug} was closed on {self.closed_on}."
        if self.ends is not None and self.ends < today:
            return f"The campaign {self.slug} ended on {self.ends}."
        return ""


@dataclass(frozen=True)
class Member:
    """The only personal data a sign-up keeps."""

    platform: str
    user_id: str
    display_name: str
    city: str = ""


class JoinStatus(Enum):
    JOINED = "joined"
    ALREADY = "already"
    REFUSED = "refused"  # closed or ended by the time the write ran


@dataclass(frozen=True)
class JoinOutcome:
    status: JoinStatus
    since: str = ""  # ALREADY: when the existing sign-up was made
    reason: str = ""  # REFUSED: why


@dataclass(frozen=True)
class ExportRow:
    display_name: str
    city: str
    signed_up_on: str


_JOINED = JoinOutcome(JoinStatus.JOINED)  # immutable: one instance serves every sign-up
_CAMPAIGN_FIELDS = (
    "id", "workspace", "slug", "title", "goal", "template", "place", "ends", "created_on",
    "closed_on",
)  # fmt: skip
_CAMPAIGN_COLUMNS = ", ".join(_CAMPAIGN_FIELDS)


def _campaign(values: Iterable[Any]) -> Campaign:
    """A campaign from a row whose first columns are _CAMPAIGN_COLUMNS, in that order."""
    return Campaign(**dict(zip(_CAMPAIGN_FIELDS, values, strict=False)))


# --- writes (inside a Database.write job) ---------------------------------------------


async def create_campaign(conn: aiosqlite.Connection, new: NewCampaign) -> bool:
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


async def close_campaign(conn: aiosqlite.Connection, campaign_id: int, today: str) -> bool:
    """Close it; False when it was already closed."""
    cursor = await conn.execute(
        "UPDATE campaigns SET closed_on = ? WHERE id = ? AND closed_on IS NULL",
        (today, campaign_id),
    )
    return cursor.rowcount == 1


_JOIN = (
    "INSERT INTO signups (campaign_id, platform, user_id, display_name, city, signed_up_at)"
    " SELECT id, ?, ?, ?, ?, ? FROM campaigns"
    " WHERE id = ? AND closed_on IS NULL AND (ends IS NULL OR ends >= ?)"
    " ON CONFLICT (campaign_id, platform, user_id) DO NOTHING"
)
# Why nothing was inserted, read in the same transaction: the member's existing sign-up
# (if any) and the campaign as it stands (NULLs when it no longer exists). Always one row.
_WHY_NOT_JOINED = (
    "SELECT s.signed_up_at, c.id, c.workspace, c.slug, c.title, c.goal, c.template, c.place,"
    " c.ends, c.created_on, c.closed_on FROM (SELECT ? AS id) AS wanted"
    " LEFT JOIN campaigns c ON c.id = wanted.id"
    " LEFT JOIN signups s ON s.campaign_id = wanted.id AND s.platform = ? AND s.user_id = ?"
)


async def join(db: Database, campaign_id: int, member: Member, now: str, today: str) -> JoinOutcome:
    """Sign `member` up, once; returns after the sign-up is committed.

    ONE statement through the group-committed writer: the open-campaign check and the
    insert happen together, so a campaign closed a moment ago refuses. When it inserted
    nothing, the reason is read right after it in the same trip (no second round trip);
    when it inserted, no row comes back at all."""
    rows = await db.write_statement(
        _JOIN,
        (
            member.platform,
            member.user_id,
            member.display_name,
            member.city,
            now,
            campaign_id,
            today,
        ),
        otherwise=(_WHY_NOT_JOINED, (campaign_id, member.platform, member.user_id)),
    )
    if not rows:
        return _JOINED
    since, *campaign = tuple(rows[0])
    if since is not None:
        return JoinOutcome(JoinStatus.ALREADY, since=str(since)[:10])
    if campaign[0] is None:
        return JoinOutcome(JoinStatus.REFUSED, reason="That campaign no longer exists.")
    reason = _campaign(campaign).refusal(today)
    return JoinOutcome(JoinStatus.REFUSED, reason=reason or "That campaign takes no sign-ups.")


async def leave(conn: aiosqlite.Connection, campaign_id: int, platform: str, user_id: str) -> bool:
    """Withdraw: the sign-up row is deleted (nothing kept that is no longer needed)."""
    cursor = await conn.execute(
        "DELETE FROM signups WHERE campaign_id = ? AND platform = ? AND user_id = ?",
        (campaign_id, platform, user_id),
    )
    return cursor.rowcount > 0


async def erase_member(conn: aiosqlite.Connection, platform: str, user_id: str) -> int:
    """Privacy erasure: every sign-up of this member, in every workspace."""
    cursor = await conn.execute(
        "DELETE FROM signups WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    return max(cursor.rowcount, 0)


# --- reads ----------------------------------------------------------------------------


class CampaignCache:
    """Campaigns by workspace and slug, read once: a sign-up then needs no read at all.

    Only campaigns that exist are kept, so a new one is found at once. Call `forget`
    after a write that changed a campaign (create, close) has committed. Closing is the
    only change a campaign sees, and the sign-up statement checks it again in SQL, so an
    entry read just before a close can at worst let the command try and be refused."""

    def __init__(self, limit: int = 10_000) -> None:
        self._limit = limit
        self._by_workspace: dict[str, dict[str, Campaign]] = {}
        self._size = 0
        # Bumped by forget(): a read that started before it must not store what it read.
        self._generation = 0

    async def find(self, db: Database, workspace: str, slug: str) -> Campaign | None:
        known = self._by_workspace.get(workspace)
        if known is not None and slug in known:
            return known[slug]
        generation = self._generation
        found = await find_campaign(db, workspace, slug)
        if found is not None and generation == self._generation:
            if self._size >= self._limit:
                self._by_workspace.clear()
                self._size = 0
            known = self._by_workspace.setdefault(workspace, {})
            self._size += slug not in known
            known[slug] = found
        return found

    def forget(self, workspace: str) -> None:
        """Drop what is known of a workspace's campaigns (one was created or closed)."""
        self._size -= len(self._by_workspace.pop(workspace, {}))
        self._generation += 1


async def find_campaign(db: Database, workspace: str, slug: str) -> Campaign | None:
    row = await db.fetchone(
        f"SELECT {_CAMPAIGN_COLUMNS} FROM campaigns WHERE workspace = ? AND slug = ?",
        (workspace, slug),
    )
    return None if row is None else _campaign(row)


async def list_campaigns(db: Database, workspace: str, limit: int) -> list[tuple[Campaign, int]]:
    """Campaigns of a workspace, open ones first, each with its sign-up count."""
    rows = await db.fetchall(
        f"SELECT {_CAMPAIGN_COLUMNS},"
        " (SELECT count(*) FROM signups s WHERE s.campaign_id = campaigns.id) AS members"
        " FROM campaigns WHERE workspace = ?"
        " ORDER BY closed_on IS NOT NULL, created_on DESC, slug LIMIT ?",
        (workspace, limit),
    )
    return [(_campaign(tuple(row)[:10]), int(row["members"])) for row in rows]


async def slugs_like(db: Database, workspace: str, typed: str, limit: int) -> list[str]:
    """Slugs of a workspace containing `typed` (prefix matches first), for autocomplete."""
    pattern = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = await db.fetchall(
        "SELECT slug FROM campaigns WHERE workspace = ? AND slug LIKE ? ESCAPE '\\'"
        " ORDER BY slug NOT LIKE ? ESCAPE '\\', closed_on IS NOT NULL, slug LIMIT ?",
        (workspace, f"%{pattern}%", f"{pattern}%", limit),
    )
    return [str(row[0]) for row in rows]


async def count_signups(db: Database, campaign_id: int) -> int:
    row = await db.fetchone("SELECT count(*) FROM signups WHERE campaign_id = ?", (campaign_id,))
    return int(row[0]) if row else 0


async def signups_by_day(db: Database, campaign_id: int, days: int) -> list[tuple[str, int]]:
    """The latest `days` days that had sign-ups, newest first: (ISO day, count)."""
    rows = await db.fetchall(
        "SELECT substr(signed_up_at, 1, 10) AS day, count(*) FROM signups"
        " WHERE campaign_id = ? GROUP BY day ORDER BY day DESC LIMIT ?",
        (campaign_id, days),
    )
    return [(str(row[0]), int(row[1])) for row in rows]


async def export_rows(db: Database, campaign_id: int) -> list[ExportRow]:
    rows = await db.fetchall(
        "SELECT display_name, city, substr(signed_up_at, 1, 10) FROM signups"
        " WHERE campaign_id = ? ORDER BY signed_up_at, id",
        (campaign_id,),
    )
    return [ExportRow(str(r[0]), str(r[1]), str(r[2])) for r in rows]


async def signup_of(db: Database, campaign_id: int, platform: str, user_id: str) -> str | None:
    """When this member signed up for the campaign (ISO day), or None."""
    row = await db.fetchone(
        "SELECT signed_up_at FROM signups WHERE campaign_id = ? AND platform = ? AND user_id = ?",
        (campaign_id, platform, user_id),
    )
    return None if row is None else str(row[0])[:10]


async def describe_member(db: Database, platform: str, user_id: str) -> list[str]:
    """Everything held about a member's sign-ups, one line each (for /mydata)."""
    rows = await db.fetchall(
        "SELECT c.workspace, c.slug, c.title, s.display_name, s.city, s.signed_up_at"
        " FROM signups s JOIN campaigns c ON c.id = s.campaign_id"
        " WHERE s.platform = ? AND s.user_id = ? ORDER BY s.signed_up_at, s.id",
        (platform, user_id),
    )
    lines = []
    for workspace, slug, title, name, city, at in (tuple(r) for r in rows):
        where = f', city "{city}"' if city else ", no city"
        lines.append(
            f'{slug} ({title}) in workspace {workspace}: signed up {at} as "{name}"{where}'
        )
    return lines


class SqliteCampaigns:
    """CampaignStore on SQLite."""

    def __init__(self, db: Database) -> None:
        self._db = db

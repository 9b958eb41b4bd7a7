"""Campaign and sign-up reads, on the read-only connection."""

from __future__ import annotations

from storage.campaigns.models import CAMPAIGN_COLUMNS, Campaign, ExportRow, campaign_from_row
from storage.sql import Db


async def find_campaign(db: Db, workspace: str, slug: str) -> Campaign | None:
    row = await db.fetchone(
        f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE workspace = ? AND slug = ?",
        (workspace, slug),
    )
    return None if row is None else campaign_from_row(row)


async def campaign_by_id(db: Db, campaign_id: int) -> Campaign | None:
    row = await db.fetchone(
        f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?", (campaign_id,)
    )
    return None if row is None else campaign_from_row(row)


async def list_campaigns(db: Db, workspace: str, limit: int) -> list[tuple[Campaign, int]]:
    """Campaigns of a workspace, open ones first, each with its sign-up count."""
    rows = await db.fetchall(
        f"SELECT {CAMPAIGN_COLUMNS},"
        " (SELECT count(*) FROM signups s WHERE s.campaign_id = campaigns.id) AS members"
        " FROM campaigns WHERE workspace = ?"
        " ORDER BY closed_on IS NOT NULL, created_on DESC, slug LIMIT ?",
        (workspace, limit),
    )
    return [(campaign_from_row(tuple(row)[:10]), int(row["members"])) for row in rows]


async def slugs_like(db: Db, workspace: str, typed: str, limit: int) -> list[str]:
    """Slugs of a workspace containing `typed` (prefix matches first), for autocomplete."""
    # lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
    pattern = typed.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = await db.fetchall(
        "SELECT slug FROM campaigns WHERE workspace = ? AND lower(slug) LIKE ? ESCAPE '\\'"
        " ORDER BY lower(slug) NOT LIKE ? ESCAPE '\\', closed_on IS NOT NULL, slug LIMIT ?",
        (workspace, f"%{pattern}%", f"{pattern}%", limit),
    )
    return [str(row[0]) for row in rows]


async def count_signups(db: Db, campaign_id: int) -> int:
    row = await db.fetchone("SELECT count(*) FROM signups WHERE campaign_id = ?", (campaign_id,))
    return int(row[0]) if row else 0


async def signups_by_day(db: Db, campaign_id: int, days: int) -> list[tuple[str, int]]:
    """The latest `days` days that had sign-ups, newest first: (ISO day, count)."""
    rows = await db.fetchall(
        "SELECT substr(signed_up_at, 1, 10) AS day, count(*) FROM signups"
        " WHERE campaign_id = ? GROUP BY day ORDER BY day DESC LIMIT ?",
        (campaign_id, days),
    )
    return [(str(row[0]), int(row[1])) for row in rows]


async def export_rows(db: Db, campaign_id: int) -> list[ExportRow]:
    rows = await db.fetchall(
        "SELECT display_name, city, substr(signed_up_at, 1, 10) FROM signups"
        " WHERE campaign_id = ? ORDER BY signed_up_at, id",
        (campaign_id,),
    )
    return [ExportRow(str(r[0]), str(r[1]), str(r[2])) for r in rows]


async def signup_of(db: Db, campaign_id: int, platform: str, user_id: str) -> str | None:
    """When this member signed up for the campaign (ISO day), or None."""
    row = await db.fetchone(
        "SELECT signed_up_at FROM signups WHERE campaign_id = ? AND platform = ? AND user_id = ?",
        (campaign_id, platform, user_id),
    )
    return None if row is None else str(row[0])[:10]


async def describe_member(db: Db, platform: str, user_id: str) -> list[str]:
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

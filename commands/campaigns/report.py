"""/campaign stats and export: counts, a progress bar, sign-ups by day, a CSV."""

from __future__ import annotations

import csv
import io

from bot.deps import Deps
from bot.models import Field, Reply, ReplyFile, Request
from commands.campaigns.checks import require_campaign
from storage import campaigns as store

BAR_WIDTH = 20
DAYS_SHOWN = 14
# A spreadsheet runs a cell starting with these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXPORT_HEADER = ("name", "city", "signed_up_on")


def progress_bar(count: int, goal: int, width: int = BAR_WIDTH) -> str:
    """`[#########...........] 45% (450 of 1,000)`: plain ASCII, safe on every platform."""
    filled = min(width, count * width // goal)
    percent = count * 100 // goal
    return f"[{'#' * filled}{'.' * (width - filled)}] {percent}% ({count:,} of {goal:,})"


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def signups_csv(rows: list[store.ExportRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        writer.writerow([safe_cell(row.display_name), safe_cell(row.city), row.signed_up_on])
    # utf-8-sig: spreadsheet programs then read accented names correctly.
    return buffer.getvalue().encode("utf-8-sig")


async def stats(request: Request, deps: Deps) -> Reply:
    campaign = await require_campaign(deps, request)
    count = await store.count_signups(deps.db, campaign.id)
    days = await store.signups_by_day(deps.db, campaign.id, DAYS_SHOWN)
    progress = progress_bar(count, campaign.goal) if campaign.goal else "no goal set"
    by_day = "\n".join(f"{day}: {n:,}" for day, n in days) or "no sign-ups yet"
    return Reply(
        title=f"{campaign.title}: {count:,} signed up",
        text=f"Campaign {campaign.slug}",
        fields=(
            Field("Progress", progress),
            Field(f"Sign-ups by day (latest {DAYS_SHOWN} with any)", by_day),
        ),
    )


async def export(request: Request, deps: Deps) -> Reply:
    campaign = await require_campaign(deps, request)
    rows = await store.export_rows(deps.db, campaign.id)
    filename = f"{campaign.slug}-signups-{deps.today().isoformat()}.csv"
    return Reply(
        text=f"{len(rows):,} sign-ups of {campaign.slug}: name, city and day only.",
        file=ReplyFile(filename, signups_csv(rows), mime="text/csv"),
    )

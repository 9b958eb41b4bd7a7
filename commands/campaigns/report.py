"""/campaign stats, export and close: how a campaign stands, as counts, a CSV, a final tally."""

from __future__ import annotations

import csv
import io

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply, ReplyFile, Role
from commands.campaigns.checks import COMMANDS, Slug, day, require_campaign
from commands.campaigns.manage import progress_bar
from commands.charted import signups_chart
from lexicon.i18n import _, ngettext
from storage.campaigns.models import ExportRow

DAYS_SHOWN = 14
# A spreadsheet runs a cell starting with these as a formula (CSV injection); `;` too in
# locales where it separates arguments, and control characters that some programs skip.
_FORMULA_START = ("=", "+", "-", "@", ";", "\t", "\r", "\n")
# Leading blanks are trimmed by some spreadsheet programs before they look for a formula.
_BLANKS = " \t\r\n"
EXPORT_HEADER = ("name", "city", "signed_up_on")


def safe_cell(value: str) -> str:
    """The cell as text a spreadsheet shows, never runs: a leading `'` when it could be read
    as a formula (also behind blanks such as a tab: " \t=cmd|..." is still a formula)."""
    risky = value.startswith(_FORMULA_START) or value.lstrip(_BLANKS).startswith(_FORMULA_START)
    return "'" + value if risky else value


def signups_csv(rows: list[ExportRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        writer.writerow([safe_cell(row.display_name), safe_cell(row.city), row.signed_up_on])
    # utf-8-sig: spreadsheet programs then read accented names correctly.
    return buffer.getvalue().encode("utf-8-sig")


def signers(rows: list[ExportRow]) -> tuple[tuple[str, str], ...]:
    """Whom a file of these rows names (ReplyFile.people)."""
    return tuple((row.platform, row.user_id) for row in rows)


@COMMANDS.command(
    "stats",
    "Sign-up count, progress toward the goal, sign-ups by day",
    examples=("/campaign stats ring-free-greenfield",),
    writes=False,
)
async def stats(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    count = await deps.storage.campaigns.count_signups(campaign.id)
    days = await deps.storage.campaigns.signups_by_day(campaign.id, DAYS_SHOWN)
    progress = progress_bar(count, campaign.goal) if campaign.goal else _("no goal set")
    by_day = "\n".join(f"{day(d)}: {n:,}" for d, n in days) or _("no sign-ups yet")
    chart = await signups_chart(deps, campaign, count)
    latest = _("Sign-ups by day (latest {n} with any)").format(n=DAYS_SHOWN)
    return Reply(
        title=ngettext("{title}: {n:,} signed up", "{title}: {n:,} signed up", count).format(
            title=campaign.title, n=count
        ),
        text=_("Campaign {slug}").format(slug=campaign.slug),
        fields=(Field(_("Progress"), progress), Field(latest, by_day)),
        file=chart,
    )


@COMMANDS.command(
    "export",
    "Download the sign-ups as CSV (name, city, day)",
    role=Role.ORGANIZER,
    private=True,
    slow=True,
    examples=("/campaign export ring-free-greenfield",),
    writes=False,
)
async def export(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    rows = await deps.storage.campaigns.export_rows(campaign.id)
    filename = f"{campaign.slug}-signups-{deps.today().isoformat()}.csv"
    return Reply(
        text=ngettext(
            "{n:,} sign-up of {slug}: name, city and day only.",
            "{n:,} sign-ups of {slug}: name, city and day only.",
            len(rows),
        ).format(n=len(rows), slug=campaign.slug),
        file=ReplyFile(filename, signups_csv(rows), mime="text/csv", people=signers(rows)),
    )


@COMMANDS.command(
    "close",
    "Stop taking sign-ups",
    role=Role.ORGANIZER,
    examples=("/campaign close ring-free-greenfield",),
)
async def close(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    if not await deps.storage.campaigns.close(campaign, deps.today().isoformat()):
        raise UserError(_("The campaign {slug} is already closed.").format(slug=campaign.slug))
    count = await deps.storage.campaigns.count_signups(campaign.id)
    closed = ngettext(
        "Closed {slug} with {n:,} sign-up. It takes no new ones.",
        "Closed {slug} with {n:,} sign-ups. It takes no new ones.",
        count,
    )
    return Reply(text=closed.format(slug=campaign.slug, n=count))

"""/campaign remind, reminders and unremind: an announcement scheduled for a moment.

The moment is a date, a time and an IANA zone (`2027-03-02 18:00 America/Chicago`),
stored in UTC and shown as given; past moments are refused. notifications/reminders.py
sends each once when due (also after a restart), through the same outbox as /campaign
announce, to the members signed up and not muted at that moment.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply, Role
from bot.core.signatures import Opt
from commands.campaigns.checks import (
    COMMANDS,
    MAX_YEARS_AHEAD,
    Slug,
    plain_text,
    require_campaign,
)
from commands.campaigns.updates import TEXT_MAX, member_message
from lexicon.i18n import _
from notifications import announcements
from storage.reminders.models import NewReminder

_WHEN = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})\s+([A-Za-z][A-Za-z0-9_+\-/]{0,60})")
EXAMPLE_WHEN = "2027-03-02 18:00 America/Chicago"


def parse_when(text: str, now: dt.datetime) -> tuple[dt.datetime, str]:
    """(the moment, as an aware datetime; the moment as shown back), or a UserError."""
    found = _WHEN.fullmatch(" ".join(text.split()))
    if found is None:
        raise UserError(
            _("Give the moment as a date, a time and a zone, e.g. {example}.").format(
                example=EXAMPLE_WHEN
            )
        )
    day, clock, zone_name = found.groups()
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            _("{zone!r} is not a time zone; e.g. America/Chicago.").format(zone=zone_name)
        ) from None
    try:
        local = dt.datetime.fromisoformat(f"{day}T{int(clock[:-3]):02d}:{clock[-2:]}")
    except ValueError:
        raise UserError(
            _("{day} {clock} is not a real date and time.").format(day=day, clock=clock)
        ) from None
    moment = local.replace(tzinfo=zone)
    # A time skipped by a DST change (02:30 on a spring-forward day) does not round-trip.
    if moment.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != local:
        raise UserError(
            _("{day} {clock} does not exist in {zone} (the clocks skip it).").format(
                day=day, clock=clock, zone=zone_name
            )
        )
    if moment <= now:
        raise UserError(
            _("{day} {clock} {zone} has passed; give a moment in the future.").format(
                day=day, clock=clock, zone=zone_name
            )
        )
    if moment.year > now.year + MAX_YEARS_AHEAD:
        raise UserError(_("A reminder must be within {n} years.").format(n=MAX_YEARS_AHEAD))
    return moment, f"{day} {local:%H:%M} {zone_name}"


@COMMANDS.command(
    "remind",
    "Schedule a direct message to everyone who joined, for a date, time and zone",
    role=Role.ORGANIZER,
    private=True,
    examples=(f'/campaign remind ring-free-greenfield "{EXAMPLE_WHEN}" The vote is tonight',),
)
async def remind(
    ctx: Ctx,
    slug: Slug,
    when: Annotated[
        str, Opt("Date, time and zone, e.g. 2027-03-02 18:00 America/Chicago", max_length=80)
    ],
    text: Annotated[str, Opt("The message", max_length=TEXT_MAX, greedy=True)],
) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    now = deps.clock()
    moment, shown = parse_when(when, now)
    message = member_message(campaign, plain_text(text, "message", TEXT_MAX))
    new = NewReminder(
        campaign.id,
        campaign.workspace,
        (ctx.platform, ctx.user_id),
        moment,
        shown,
        message,
    )
    rid = await deps.storage.reminders.add(new, now)
    utc = moment.astimezone(dt.UTC)
    return Reply(
        text=_(
            "Reminder R{rid} for {slug}: {shown} ({utc} UTC), to the"
            " members signed up then. /campaign reminders {slug} lists them;"
            " /campaign unremind {slug} {rid} cancels it."
        ).format(rid=rid, slug=campaign.slug, shown=shown, utc=f"{utc:%Y-%m-%d %H:%M}")
    )


@COMMANDS.command(
    "reminders",
    "The reminders waiting to be sent",
    role=Role.ORGANIZER,
    private=True,
    examples=("/campaign reminders ring-free-greenfield",),
)
async def reminders(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    waiting = await deps.storage.reminders.pending(campaign.id)
    if not waiting:
        return Reply(text=_("No reminder is waiting for {slug}.").format(slug=campaign.slug))
    return Reply(
        title=_("Reminders of {slug}").format(slug=campaign.slug),
        text=_("{n} waiting.").format(n=len(waiting)),
        fields=tuple(
            Field(f"R{r.id}: {r.shown_when}", announcements.in_current_language(r.text))
            for r in waiting
        ),
    )


@COMMANDS.command(
    "unremind",
    "Cancel a reminder before it is sent",
    role=Role.ORGANIZER,
    private=True,
    examples=("/campaign unremind ring-free-greenfield R3",),
)
async def unremind(
    ctx: Ctx,
    slug: Slug,
    reminder: Annotated[str, Opt("The reminder's number (R3 or 3)", max_length=12)],
) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    typed = reminder.strip().upper().removeprefix("R")
    if not typed.isdigit():
        raise UserError(_("Give the reminder's number, e.g. R3 (/campaign reminders lists them)."))
    if not await deps.storage.reminders.cancel(campaign.id, int(typed), deps.clock()):
        raise UserError(
            _("No waiting reminder R{n} for {slug}.").format(n=typed, slug=campaign.slug)
        )
    return Reply(
        text=_("Cancelled reminder R{n} of {slug}; nothing was sent.").format(
            n=typed, slug=campaign.slug
        )
    )

"""/campaign create, list and info."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply, Role
from bot.core.registry import MAX_CHOICES
from bot.core.signatures import Opt
from commands.campaigns import links
from commands.campaigns.checks import (
    COMMANDS,
    GOAL_MAX,
    PLACE_MAX,
    TITLE_MAX,
    Slug,
    day,
    future_end,
    parse_slug,
    plain_text,
    require_campaign,
)
from commands.campaigns.ending import record_organizer
from commands.campaigns.publish import page_url
from lexicon.i18n import _, ngettext
from storage.campaigns.models import NewCampaign

BAR_WIDTH = 20


def progress_bar(count: int, goal: int, width: int = BAR_WIDTH) -> str:
    """`[#########...........] 45% (450 of 1,000)`: plain ASCII, safe on every platform."""
    filled = min(width, count * width // goal)
    percent = count * 100 // goal
    shown = _("{percent}% ({count:,} of {goal:,})").format(percent=percent, count=count, goal=goal)
    return f"[{'#' * filled}{'.' * (width - filled)}] {shown}"


@COMMANDS.command(
    "create",
    "Start a campaign with an optional goal, petition, place and end date",
    role=Role.ORGANIZER,
    examples=(
        '/campaign create ring-free-greenfield "End the Ring partnership" 500',
        '/campaign create no-face-rec "Ban face recognition" 1000 place:"Oakland, CA"'
        " ends:2027-06-30",
    ),
)
async def create(
    ctx: Ctx,
    slug: Annotated[str, Opt("Short name: 2-40 of a-z, 0-9 and -", max_length=40)],
    title: Annotated[str, Opt("What people sign up for", max_length=TITLE_MAX)],
    goal: Annotated[
        int | None, Opt("How many sign-ups you aim for", min_value=1, max_value=GOAL_MAX)
    ] = None,
    template: Annotated[
        str, Opt("A petition template to show joiners", autocomplete="template", max_length=64)
    ] = "",
    place: Annotated[
        str, Opt("The city or county it is about", max_length=PLACE_MAX, autocomplete="place")
    ] = "",
    ends: Annotated[dt.date | None, Opt("Last day of sign-ups, YYYY-MM-DD", max_length=10)] = None,
) -> Reply:
    deps = ctx.deps
    today = deps.today()
    new = NewCampaign(
        workspace=ctx.workspace,
        slug=parse_slug(slug),
        title=plain_text(title, "title", TITLE_MAX),
        goal=goal if isinstance(goal, int) else None,
        template=await links.check_template(deps, template, ctx.workspace),
        place=await links.campaign_place(deps, place),
        ends=future_end(ends, today),
        created_on=today.isoformat(),
    )
    if not new.title:
        raise UserError(_("Give the campaign a title."))
    await links.check_petition(deps, new.template, new.place, new.workspace)
    if not await deps.storage.campaigns.create(new):
        raise UserError(
            _("A campaign called {slug} already exists here; pick another name.").format(
                slug=new.slug
            )
        )
    await record_organizer(deps, ctx, new.slug)
    return Reply(
        title=_("Campaign created: {title}").format(title=new.title),
        text=_("Members join with /campaign join {slug}").format(slug=new.slug),
        fields=_describe(new.goal, new.template, new.place, new.ends),
    )


@COMMANDS.command(
    "list", "The campaigns of this server or workspace", examples=("/campaign list",), writes=False
)
async def list_all(ctx: Ctx) -> Reply:
    deps = ctx.deps
    found = await deps.storage.campaigns.list(ctx.workspace, MAX_CHOICES)
    if not found:
        return Reply(text=_("No campaigns here yet. Organizers start one with /campaign create."))
    today = deps.today().isoformat()
    lines = []
    for campaign, count in found:
        state = campaign.refusal(today)
        # English says "1 signed up" and "2 signed up"; other languages need the count's form.
        if campaign.closed_on:
            line = ngettext(
                "{slug} - {title}: {count:,} signed up (closed)",
                "{slug} - {title}: {count:,} signed up (closed)",
                count,
            )
        elif state:
            line = ngettext(
                "{slug} - {title}: {count:,} signed up (ended)",
                "{slug} - {title}: {count:,} signed up (ended)",
                count,
            )
        else:
            line = ngettext(
                "{slug} - {title}: {count:,} signed up",
                "{slug} - {title}: {count:,} signed up",
                count,
            )
        lines.append(line.format(slug=campaign.slug, title=campaign.title, count=count))
    return Reply(title=_("Campaigns"), text="\n".join(lines))


@COMMANDS.command(
    "info",
    "What a campaign is about and how far it got",
    examples=("/campaign info ring-free-greenfield",),
    writes=False,
)
async def info(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    store = deps.storage.campaigns
    count = await store.count_signups(campaign.id)
    mine = await store.signup_of(campaign.id, ctx.platform, ctx.user_id)
    status = campaign.refusal(deps.today().isoformat()) or _("Open: /campaign join {slug}").format(
        slug=campaign.slug
    )
    fields = [Field(_("Status"), status), Field(_("Signed up"), _progress(count, campaign.goal))]
    # A closed campaign ended when it was closed, whatever it planned: no "Ends" then.
    ends_shown = not campaign.closed_on
    fields.extend(_describe(None, campaign.template, campaign.place, campaign.ends, ends_shown))
    fields.append(Field(_("Started"), day(campaign.created_on)))
    if mine is not None:
        fields.append(Field(_("You"), _("signed up on {day}").format(day=day(mine))))
    token = await deps.storage.pages.token_of(campaign.id)
    if token is not None:  # public anyway: whoever has the link may sign
        fields.append(Field(_("Public page"), page_url(deps, token)))
    text = _("Campaign {slug}").format(slug=campaign.slug)
    return Reply(title=campaign.title, text=text, fields=tuple(fields))


def _progress(count: int, goal: int | None) -> str:
    return progress_bar(count, goal) if goal else f"{count:,}"


def _describe(
    goal: int | None, template: str, place: str, ends: str | None, ends_shown: bool = True
) -> tuple[Field, ...]:
    fields = []
    if goal:
        fields.append(
            Field(_("Goal"), ngettext("{n:,} sign-up", "{n:,} sign-ups", goal).format(n=goal))
        )
    if template:
        note = _(
            "{template} (signers' names and cities appear on the petition delivered to its target)"
        )
        fields.append(Field(_("Petition"), note.format(template=template)))
    if place:
        fields.append(Field(_("Place"), place))
    if ends_shown:
        fields.append(Field(_("Ends"), day(ends) if ends else _("when an organizer closes it")))
    return tuple(fields)

"""/campaign join, leave and read. A sign-up is acknowledged only once it is committed;
read shows a campaign's petition in full (the card's [Read the petition] runs it)."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Button, Reply
from bot.core.signatures import Opt
from commands.campaigns import links
from commands.campaigns.checks import (
    COMMANDS,
    PLACE_MAX,
    Slug,
    day,
    display_name,
    require_campaign,
    timestamp,
)
from lexicon.i18n import _
from storage.campaigns.models import Campaign, JoinStatus, Member


@COMMANDS.command(
    "join",
    "Sign up (your display name and, if you give it, your city are kept)",
    private=True,
    examples=(
        "/campaign join ring-free-greenfield",
        "/campaign join ring-free-greenfield Greenfield, WI",
        "/campaign join no-face-rec Oakland, CA agree:yes",
    ),
)
async def join(
    ctx: Ctx,
    slug: Slug,
    city: Annotated[
        str,
        Opt(
            "Your city, if you want it counted",
            max_length=PLACE_MAX,
            greedy=True,
            autocomplete="place",
        ),
    ] = "",
    agree: Annotated[
        str,
        Opt(
            "yes: put your name and city on the petition delivered for this campaign",
            max_length=3,
            choices=("yes",),
        ),
    ] = "",
) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    today = deps.today().isoformat()
    refusal = campaign.refusal(today)
    if refusal:
        raise UserError(_("{refusal} It takes no new sign-ups.").format(refusal=refusal))
    if campaign.template and agree != "yes":
        # Told before joining, not after: a petition is delivered with its signers' names.
        where = f" {city}" if city else ""
        # The notice's button signs with the same words as the line it ends with.
        action = f"/campaign join {campaign.slug}{where} agree:yes"
        sign = Button(_("Sign the petition"), action, style="primary")
        return Reply(text=await _petition_notice(deps, campaign, city), buttons=(sign,))
    member = Member(
        platform=ctx.platform,
        user_id=ctx.user_id,
        display_name=display_name(ctx.user_name),
        city=await links.member_city(deps, city),
    )
    now = timestamp(deps)
    outcome = await deps.storage.campaigns.join(campaign.id, member, now, today)
    if outcome.status is JoinStatus.REFUSED:
        raise UserError(_("{refusal} It takes no new sign-ups.").format(refusal=outcome.reason))
    if outcome.status is JoinStatus.ALREADY:
        already = _("You are already signed up for {slug} since {day}. You count once.")
        return Reply(text=already.format(slug=campaign.slug, day=day(outcome.since)))
    if campaign.template:
        text = _(
            "You are signed up for {title} ({slug}). Thank you! Your name and city will appear"
            " on the petition delivered for it; /campaign leave {slug} or /forgetme takes them"
            " off any petition delivered later."
        )
    else:
        text = _("You are signed up for {title} ({slug}). Thank you!")
    return Reply(text=text.format(title=campaign.title, slug=campaign.slug))


async def _petition_notice(deps: Deps, campaign: Campaign, city: str) -> str:
    petition = await links.petition_for(deps, campaign)
    where = f" {city}" if city else ""
    return _(
        "{title} ({slug}) delivers a petition with its signers: your display"
        " name and, if you give it, your city will appear on it, numbered, with the day you"
        " signed. /campaign leave {slug} or /forgetme takes them off any petition"
        " delivered later.\n\nThe petition:\n{petition}\n\nTo sign it:"
        " /campaign join {slug}{where} agree:yes"
    ).format(title=campaign.title, slug=campaign.slug, petition=petition, where=where)


@COMMANDS.command(
    "leave",
    "Withdraw your sign-up",
    private=True,
    examples=("/campaign leave ring-free-greenfield",),
)
async def leave(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    if not await deps.storage.campaigns.leave(campaign.id, ctx.platform, ctx.user_id):
        raise UserError(_("You are not signed up for {slug}.").format(slug=campaign.slug))
    if campaign.refusal(deps.today().isoformat()):
        left = _(
            "You left {slug}: you no longer count toward it or appear in its exports."
            " It is closed, so it takes no new sign-ups."
        )
    else:
        left = _(
            "You left {slug}: you no longer count toward it or appear in its exports."
            " /campaign join {slug} signs you up again."
        )
    return Reply(text=left.format(slug=campaign.slug))


@COMMANDS.command(
    "read",
    "Read a campaign's petition in full before you sign it",
    private=True,
    examples=("/campaign read no-face-rec",),
    writes=False,
)
async def read(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    if not campaign.template:
        raise UserError(
            _(
                "{slug} has no petition to read: /campaign info {slug} says what it is about."
            ).format(slug=campaign.slug)
        )
    petition = await links.petition_for(deps, campaign)
    mine = await deps.storage.campaigns.signup_of(campaign.id, ctx.platform, ctx.user_id)
    closed = campaign.refusal(deps.today().isoformat())
    if mine is not None:
        after = _(
            "You signed it on {day}. /campaign leave {slug} takes your name off any"
            " petition delivered later."
        ).format(day=day(mine), slug=campaign.slug)
    elif closed:
        after = closed
    else:
        after = _(
            "Your display name and, if you give it, your city appear on it when you sign:"
            " /campaign join {slug} agree:yes"
        ).format(slug=campaign.slug)
    title = _("{title}: the petition").format(title=campaign.title)
    return Reply(title=title, text=f"{petition}\n\n{after}")

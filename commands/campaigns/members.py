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
    display_name,
    require_campaign,
    timestamp,
)
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
        raise UserError(f"{refusal} It takes no new sign-ups.")
    if campaign.template and agree != "yes":
        # Told before joining, not after: a petition is delivered with its signers' names.
        where = f" {city}" if city else ""
        # The notice's button signs with the same words as the line it ends with.
        action = f"/campaign join {campaign.slug}{where} agree:yes"
        sign = Button("Sign the petition", action, style="primary")
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
        raise UserError(f"{outcome.reason} It takes no new sign-ups.")
    if outcome.status is JoinStatus.ALREADY:
        return Reply(
            text=f"You are already signed up for {campaign.slug} since {outcome.since}."
            " You count once."
        )
    text = f"You are signed up for {campaign.title} ({campaign.slug}). Thank you!"
    if campaign.template:
        text += (
            f" Your name and city will appear on the petition delivered for it; /campaign leave"
            f" {campaign.slug} or /forgetme takes them off any petition delivered later."
        )
    return Reply(text=text)


async def _petition_notice(deps: Deps, campaign: Campaign, city: str) -> str:
    petition = await links.petition_for(deps, campaign)
    where = f" {city}" if city else ""
    return (
        f"{campaign.title} ({campaign.slug}) delivers a petition with its signers: your display"
        " name and, if you give it, your city will appear on it, numbered, with the day you"
        f" signed. /campaign leave {campaign.slug} or /forgetme takes them off any petition"
        f" delivered later.\n\nThe petition:\n{petition}\n\nTo sign it:"
        f" /campaign join {campaign.slug}{where} agree:yes"
    )


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
        raise UserError(f"You are not signed up for {campaign.slug}.")
    left = f"You left {campaign.slug}: you no longer count toward it or appear in its exports."
    if campaign.refusal(deps.today().isoformat()):
        return Reply(text=f"{left} It is closed, so it takes no new sign-ups.")
    return Reply(text=f"{left} /campaign join {campaign.slug} signs you up again.")


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
            f"{campaign.slug} has no petition to read: /campaign info {campaign.slug} says"
            " what it is about."
        )
    petition = await links.petition_for(deps, campaign)
    mine = await deps.storage.campaigns.signup_of(campaign.id, ctx.platform, ctx.user_id)
    closed = campaign.refusal(deps.today().isoformat())
    if mine is not None:
        after = (
            f"You signed it on {mine}. /campaign leave {campaign.slug} takes your name off any"
            " petition delivered later."
        )
    elif closed:
        after = closed
    else:
        after = (
            "Your display name and, if you give it, your city appear on it when you sign:"
            f" /campaign join {campaign.slug} agree:yes"
        )
    return Reply(title=f"{campaign.title}: the petition", text=f"{petition}\n\n{after}")

"""/campaign join and leave. A sign-up is acknowledged only once it is committed."""

from __future__ import annotations

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Reply, Request
from commands.campaigns import links
from commands.campaigns.checks import display_name, require_campaign, timestamp
from storage import campaigns as store


async def join(request: Request, deps: Deps) -> Reply:
    campaign = await require_campaign(deps, request)
    today = deps.today().isoformat()
    refusal = campaign.refusal(today)
    if refusal:
        raise UserError(f"{refusal} It takes no new sign-ups.")
    member = store.Member(
        platform=request.platform,
        user_id=request.user_id,
        display_name=display_name(request.user_name),
        city=await links.member_city(deps, request.text("city")),
    )
    now = timestamp(deps)
    outcome = await store.join(deps.db, campaign.id, member, now, today)
    if outcome.status is store.JoinStatus.REFUSED:
        raise UserError(f"{outcome.reason} It takes no new sign-ups.")
    if outcome.status is store.JoinStatus.ALREADY:
        return Reply(
            text=f"You are already signed up for {campaign.slug} since {outcome.since}."
            " You count once."
        )
    text = f"You are signed up for {campaign.title} ({campaign.slug}). Thank you!"
    petition = await links.petition_for(deps, campaign)
    if petition:
        text += f"\n\nThe petition you signed:\n{petition}"
    return Reply(text=text)


async def leave(request: Request, deps: Deps) -> Reply:
    campaign = await require_campaign(deps, request)
    left = await deps.db.write(
        lambda conn: store.leave(conn, campaign.id, request.platform, request.user_id)
    )
    if not left:
        raise UserError(f"You are not signed up for {campaign.slug}.")
    return Reply(
        text=f"You left {campaign.slug}: you no longer count toward it or appear in its exports."
        f" /campaign join {campaign.slug} signs you up again."
    )

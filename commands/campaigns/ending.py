"""A campaign's organizers and its end: who gets the summary when the end date passes.

notifications/reminders.py closes ended campaigns on its pass (storage closes them and
queues the summary in one transaction); the summary's words are written here."""

from __future__ import annotations

from bot.core.context import Ctx
from bot.core.deps import Deps
from storage.campaigns.models import EndedCampaign


async def record_organizer(deps: Deps, ctx: Ctx, slug: str) -> None:
    """The creator gets the closing summary (organizers who announce or schedule are added
    by storage as they do)."""
    campaign = await deps.storage.campaigns.find(ctx.workspace, slug)
    if campaign is not None:
        await deps.storage.campaigns.add_organizer(
            campaign.id, ctx.platform, ctx.user_id, deps.clock()
        )


def summary_text(campaign: EndedCampaign, today: str) -> str:
    if campaign.goal:
        share = round(100 * campaign.signups / campaign.goal)
        tally = f"{campaign.signups:,} signed up of a goal of {campaign.goal:,} ({share}%)"
    else:
        tally = f"{campaign.signups:,} signed up (no goal was set)"
    return (
        f"{campaign.title} ({campaign.slug}) ended on {campaign.ends} and closed on {today}:"
        f" {tally}. The sign-ups: /campaign export {campaign.slug}"
    )

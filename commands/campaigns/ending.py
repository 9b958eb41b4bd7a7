"""A campaign's organizers and its end: who gets the summary when the end date passes.

notifications/reminders.py closes ended campaigns on its pass (storage closes them and
queues the summary in one transaction); the summary's words are written here."""

from __future__ import annotations

from bot.core.context import Ctx
from bot.core.deps import Deps
from lexicon.i18n import _
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
    """The organizers' message, in the current language (the reminder loop runs it in
    English: the summary is queued once for every organizer, whatever their language)."""
    if campaign.goal:
        share = round(100 * campaign.signups / campaign.goal)
        text = _(
            "{title} ({slug}) ended on {ends} and closed on {today}: {n:,} signed up of a goal"
            " of {goal:,} ({share}%). The sign-ups: /campaign export {slug}"
        )
    else:
        share = 0
        text = _(
            "{title} ({slug}) ended on {ends} and closed on {today}: {n:,} signed up (no goal"
            " was set). The sign-ups: /campaign export {slug}"
        )
    return text.format(
        title=campaign.title,
        slug=campaign.slug,
        ends=campaign.ends,
        today=today,
        n=campaign.signups,
        goal=campaign.goal or 0,
        share=share,
    )

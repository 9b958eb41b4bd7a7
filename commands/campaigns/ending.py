"""A campaign's organizers and its end: who gets the summary when the end date passes.

notifications/reminders.py closes ended campaigns on its pass (storage closes them and
queues the summary in one transaction); the summary's words are written here."""

from __future__ import annotations

from bot.core.context import Ctx
from bot.core.deps import Deps
from notifications import announcements
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
    """The organizers' message, as the outbox stores it (English: each organizer reads it in
    their language when it is delivered, notifications/announcements.py)."""
    return announcements.stored_summary(
        campaign.title, campaign.slug, campaign.ends, today, campaign.signups, campaign.goal
    )

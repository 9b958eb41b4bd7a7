"""/campaign language <slug> <en|es|auto> (organizers): the campaign's own language.

It is the default language of the campaign's public page (a reader's switch still wins),
of its petition PDF (`/campaign petition` without `language:`) and of its cards. `auto`
clears it: the page then follows each reader's browser, the PDF is English and the cards
are in the workspace's language (bot/core/language.py).
"""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.models import Reply, Role
from bot.core.signatures import Opt
from commands.campaigns.checks import COMMANDS, Slug, require_campaign
from lexicon.i18n import SUPPORTED, _, language_name

AUTO = "auto"

CampaignLanguage = Annotated[
    str,
    Opt(
        "es (español), en (English), or auto: each reader's browser decides",
        choices=(*SUPPORTED, AUTO),
        max_length=10,
    ),
]


@COMMANDS.command(
    "language",
    "Set the language of the campaign's page, petition and cards",
    role=Role.ORGANIZER,
    private=True,
    examples=("/campaign language ring-free-greenfield es",),
)
async def campaign_language(ctx: Ctx, slug: Slug, lang: CampaignLanguage) -> Reply:
    # Not named `language`: a `language:` option makes the dispatcher answer in it (the
    # letters), and the organizer reads this reply in their own.
    campaign = await require_campaign(ctx, slug)
    stored = "" if lang == AUTO else lang
    await ctx.deps.storage.campaigns.set_language(campaign, stored)
    if not stored:
        return Reply(
            text=_(
                "{slug} has no language of its own now: its page follows each reader's"
                " browser, its petition is in English and its cards in the workspace's"
                " language."
            ).format(slug=campaign.slug)
        )
    return Reply(
        text=_(
            "{slug} is in {language} now: its page (readers can still switch), its petition"
            " and its cards."
        ).format(slug=campaign.slug, language=language_name(stored))
    )

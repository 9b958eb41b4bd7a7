"""/campaign strike <slug> <signer number> (organizers): take an obviously fraudulent web
signature off the campaign. Numbers are those of /campaign export and the petition PDF.
Only web signatures: a chat member's sign-up is theirs to withdraw. The strike is recorded
(signer number, the day it signed, when, who struck it), never the struck name."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Reply, Role
from bot.core.signatures import Opt
from commands.campaigns.checks import COMMANDS, GOAL_MAX, Slug, day, require_campaign, timestamp
from lexicon.i18n import _


@COMMANDS.command(
    "strike",
    "Remove an obviously fraudulent web signature, by its number in the export (recorded)",
    role=Role.ORGANIZER,
    private=True,
    examples=("/campaign strike ring-free-greenfield 12",),
)
async def strike(
    ctx: Ctx,
    slug: Slug,
    number: Annotated[
        int, Opt("The signer's number in /campaign export", min_value=1, max_value=GOAL_MAX)
    ],
) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    done = await deps.storage.pages.strike(
        campaign.id, number, ctx.platform, ctx.user_id, timestamp(deps)
    )
    if done.why_not == "missing":
        raise UserError(
            _("{slug} has no signer number {number:,}.").format(slug=campaign.slug, number=number)
        )
    if done.why_not == "chat":
        raise UserError(
            _(
                "Signer {number:,} of {slug} signed up in the chat, not on the web:"
                " only they can withdraw it (/campaign leave)."
            ).format(number=number, slug=campaign.slug)
        )
    struck = _(
        "Signer {number:,} of {slug} (a web signature of {day}) is"
        " struck: off the count, the export and the petition. The strike is recorded with"
        " your id; the numbers after it move up by one."
    )
    return Reply(text=struck.format(number=number, slug=campaign.slug, day=day(done.signed_on)))

"""/campaign publish and /campaign unpublish (organizers): the campaign's public page.

The page's address carries a random token, not the slug: slugs are scoped to a workspace
(two may both have `ring-free`) and easy to guess, while a page is published on purpose.
Publishing again keeps the address; unpublishing takes it down (the address then answers
404) and keeps every signature; publishing after that makes a new address.
"""

from __future__ import annotations

import secrets

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Reply, Role
from commands.campaigns.checks import COMMANDS, Slug, require_campaign, timestamp
from lexicon.i18n import _

PAGE_PATH = "/c/"  # the web platform serves pages under it (bot/platforms/web/pages)
TOKEN_BYTES = 16  # 128 random bits: not guessable, short enough to share


def page_url(deps: Deps, token: str) -> str:
    return f"{deps.settings.page_base_url}{PAGE_PATH}{token}"


def _served_note(deps: Deps) -> str:
    if deps.settings.web_port:
        return ""
    return " " + _(
        "The bot serves pages only with COUNTERWATCH_WEB_PORT set; ask whoever runs it"
        " to set it (and COUNTERWATCH_PUBLIC_URL to the address people reach)."
    )


@COMMANDS.command(
    "publish",
    "Put the campaign on a public web page that anyone with its link can read and sign",
    role=Role.ORGANIZER,
    private=True,
    examples=("/campaign publish ring-free-greenfield",),
)
async def publish(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    if refusal := campaign.refusal(deps.today().isoformat()):
        raise UserError(_("{refusal} A page could take no signatures.").format(refusal=refusal))
    wanted = secrets.token_urlsafe(TOKEN_BYTES)
    token = await deps.storage.pages.publish(campaign.id, wanted, timestamp(deps))
    if token == wanted:
        public = _(
            "{title} is public: {url} Anyone with the link can sign; their names and cities"
            " join /campaign export {slug}. To take it down: /campaign unpublish {slug}"
        )
    else:
        public = _(
            "{title} is public (it was already published at this address): {url} Anyone with"
            " the link can sign; their names and cities join /campaign export {slug}."
            " To take it down: /campaign unpublish {slug}"
        )
    text = public.format(title=campaign.title, url=page_url(deps, token), slug=campaign.slug)
    return Reply(text=text + _served_note(deps))


@COMMANDS.command(
    "unpublish",
    "Take the campaign's public page down (its signatures are kept)",
    role=Role.ORGANIZER,
    private=True,
    examples=("/campaign unpublish ring-free-greenfield",),
)
async def unpublish(ctx: Ctx, slug: Slug) -> Reply:
    campaign = await require_campaign(ctx, slug)
    if not await ctx.deps.storage.pages.unpublish(campaign.id):
        raise UserError(_("{slug} has no public page.").format(slug=campaign.slug))
    return Reply(
        text=_(
            "The page of {slug} is down: its link now answers 'not found'."
            " Its signatures are kept; publishing again makes a new link."
        ).format(slug=campaign.slug)
    )

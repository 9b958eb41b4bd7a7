"""/campaign post <slug> (organizers): a campaign card in the channel, with buttons.

The card shows the title, the start of the petition (if any), the place, the deadline and
how far it got toward its goal. Its buttons run the typed commands for whoever presses
them (`/campaign join`, `/campaign leave`, `/campaign read` for a petition's full text or
`/campaign info`), through the dispatcher as
that person, answered privately: dedupe, durability and the petition's privacy notice are
those of the commands themselves.

The count stays true: the adapter tells `remember` where the card landed, sign-ups, leaves
and the close mark it stale in storage, and the card refresher (notifications/cards.py)
edits it with `current_card`, at most once per few seconds per card. Once the campaign is
closed the card says so in its last line ("Closed on ...") and its buttons are disabled
(Slack, which has none disabled, shows the line instead). A card whose message was deleted
is forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.language import workspace_language
from bot.core.models import Button, Field, Posted, Reply, Role
from commands.campaigns import links
from commands.campaigns.checks import COMMANDS, Slug, day, require_campaign
from commands.campaigns.manage import progress_bar
from lexicon.i18n import _, ngettext, using
from storage.campaigns.models import Campaign
from storage.cards.models import Card, NewCard

EXCERPT_MAX = 280


def card_buttons(campaign: Campaign) -> tuple[Button, ...]:
    """Join, Leave, Read: disabled once the campaign is closed."""
    slug = campaign.slug
    # A petition is read in full (/campaign read), not summed up by its status and goal.
    read = (
        Button(_("Read the petition"), f"/campaign read {slug}")
        if campaign.template
        else Button(_("Details"), f"/campaign info {slug}")
    )
    closed = campaign.closed_on is not None
    return (
        Button(_("Join"), f"/campaign join {slug}", style="primary", disabled=closed),
        Button(_("Leave"), f"/campaign leave {slug}", disabled=closed),
        replace(read, disabled=closed),
    )


def excerpt(text: str, limit: int = EXCERPT_MAX) -> str:
    """The petition's opening, whole words, at most `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


@COMMANDS.command(
    "post",
    "Post a campaign card with Join and Leave buttons in this channel",
    role=Role.ORGANIZER,
    examples=("/campaign post ring-free-greenfield",),
)
async def post(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    refusal = campaign.refusal(deps.today().isoformat())
    if refusal:
        raise UserError(
            _("{refusal} A card would invite sign-ups it cannot take.").format(refusal=refusal)
        )
    count = await deps.storage.campaigns.count_signups(campaign.id)
    # A card is a channel post that the refresher edits later, outside any request: it is
    # said in the channel's language (card_language), not the poster's, and the refresher's
    # edits say what the post said.
    where = CardPlace(ctx.platform, ctx.workspace, ctx.workspace_locale)
    card = await card_reply(deps, campaign, count, where)

    async def remember(posted: Posted) -> None:
        new = NewCard(
            campaign.id,
            ctx.platform,
            ctx.workspace,
            posted.channel,
            posted.message_id,
            ctx.workspace_locale,
        )
        await deps.storage.cards.remember(new, deps.clock(), count_shown=count)

    return replace(card, on_posted=remember)


@dataclass(frozen=True)
class CardPlace:
    """Where a card is shown, as far as its language goes: the workspace, and what its
    platform said of the workspace's language when the card was posted."""

    platform: str
    workspace: str
    workspace_locale: str


async def card_language(deps: Deps, campaign: Campaign, where: CardPlace) -> str:
    """The campaign's own language (/campaign language), else the workspace's (the default
    its admins stored, else the platform's word for it, else English: bot/core/language.py)."""
    if campaign.language:
        return campaign.language
    return await workspace_language(deps, where.platform, where.workspace, where.workspace_locale)


async def current_card(deps: Deps, card: Card) -> Reply | None:
    """A posted card as it stands now (for the refresher); None once its campaign is gone."""
    campaign = await deps.storage.campaigns.by_id(card.campaign_id)
    if campaign is None:
        return None
    count = await deps.storage.campaigns.count_signups(campaign.id)
    return await card_reply(
        deps, campaign, count, CardPlace(card.platform, card.workspace, card.workspace_locale)
    )


async def card_reply(deps: Deps, campaign: Campaign, count: int, where: CardPlace) -> Reply:
    """The card: title, petition excerpt, place, deadline, `count` signed up, buttons (and,
    once the campaign is closed, the line saying so). In `card_language`, the same whoever
    posted it and when the refresher edits it (a channel has no one reader)."""
    language = await card_language(deps, campaign, where)
    with using(language):
        return await _card(deps, campaign, count, language)


async def _card(deps: Deps, campaign: Campaign, count: int, language: str) -> Reply:
    petition = await links.petition_for(deps, campaign, language)
    fields: list[Field] = []
    if campaign.place:
        fields.append(Field(_("Where"), campaign.place))
    if campaign.ends:
        fields.append(Field(_("Sign-ups until"), day(campaign.ends)))
    progress = progress_bar(count, campaign.goal) if campaign.goal else f"{count:,}"
    fields.append(Field(_("Signed up"), progress))
    note = ""
    if campaign.closed_on is not None:
        note = ngettext(
            "Closed on {day} with {n:,} sign-up.", "Closed on {day} with {n:,} sign-ups.", count
        ).format(day=day(campaign.closed_on), n=count)
    return Reply(
        title=campaign.title,
        text=excerpt(petition) if petition else _("Campaign {slug}").format(slug=campaign.slug),
        fields=tuple(fields),
        buttons=card_buttons(campaign),
        note=note,
    )

"""/campaign post <slug> (organizers): a campaign card in the channel, with buttons.

The card shows the title, the start of the petition (if any), the place, the deadline and
how far it got toward its goal. Its buttons run the typed commands for whoever presses
them (`/campaign join`, `/campaign leave`, `/campaign info`), through the dispatcher as
that person, answered privately: dedupe, durability and the petition's privacy notice are
those of the commands themselves. The count is as posted; the card is not edited later.
"""

from __future__ import annotations

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Button, Field, Reply, Request, Role
from commands.campaigns import links
from commands.campaigns.checks import COMMANDS, SLUG_OPTION, require_campaign
from commands.campaigns.manage import progress_bar
from storage.campaigns.models import Campaign

EXCERPT_MAX = 280


def card_buttons(campaign: Campaign) -> tuple[Button, ...]:
    slug = campaign.slug
    read = "Read the petition" if campaign.template else "Details"
    return (
        Button("Join", f"/campaign join {slug}", style="primary"),
        Button("Leave", f"/campaign leave {slug}"),
        Button(read, f"/campaign info {slug}"),
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
    SLUG_OPTION,
    role=Role.ORGANIZER,
    examples=("/campaign post ring-free-greenfield",),
)
async def post(request: Request, deps: Deps) -> Reply:
    campaign = await require_campaign(deps, request)
    refusal = campaign.refusal(deps.today().isoformat())
    if refusal:
        raise UserError(f"{refusal} A card would invite sign-ups it cannot take.")
    count = await deps.storage.campaigns.count_signups(campaign.id)
    petition = await links.petition_for(deps, campaign)
    fields: list[Field] = []
    if campaign.place:
        fields.append(Field("Where", campaign.place))
    if campaign.ends:
        fields.append(Field("Sign-ups until", campaign.ends))
    progress = progress_bar(count, campaign.goal) if campaign.goal else f"{count:,}"
    fields.append(Field("Signed up", progress))
    return Reply(
        title=campaign.title,
        text=excerpt(petition) if petition else f"Campaign {campaign.slug}",
        fields=tuple(fields),
        buttons=card_buttons(campaign),
    )

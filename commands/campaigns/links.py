"""Where campaigns meet other features: petition templates (letters) and places.

Kept in one module so that the wiring is small and visible.
"""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.errors import UserError
from commands.campaigns.checks import PLACE_MAX, parse_template_name, plain_text
from commands.letters import check_petition_kind, petition_text, template_exists
from lexicon.i18n import _
from places.index import NotExact, place_index
from storage.campaigns.models import Campaign


async def check_template(deps: Deps, text: str, workspace: str) -> str:
    """A template name for a new campaign ('' for none): it must exist for this workspace."""
    name = parse_template_name(text)
    if name and not await template_exists(deps, name, workspace=workspace):
        raise UserError(
            _("No template called {name}. /letter templates lists them.").format(name=name)
        )
    if name:
        await check_petition_kind(deps, name, workspace=workspace)
    return name


async def check_petition(deps: Deps, template: str, place: str, workspace: str) -> None:
    """A new campaign's petition must draft for its place: refused with the reason if not
    (else joiners would read 'cannot be shown')."""
    if template:
        await petition_text(deps, template, place or None, workspace=workspace)


async def petition_for(deps: Deps, campaign: Campaign, language: str = "en") -> str:
    """The petition text shown to someone who joins ('' when the campaign names none).

    The sign-up is already committed when this runs, so a template that cannot be drafted
    (a fact missing for the place) is reported in the reply, never as a failed join."""
    if not campaign.template:
        return ""
    try:
        return await petition_text(
            deps, campaign.template, campaign.place or None, language, workspace=campaign.workspace
        )
    except UserError as exc:
        return _("(The petition text cannot be shown right now: {reason})").format(
            reason=exc.message
        )


async def campaign_place(deps: Deps, text: str) -> str:
    """An organizer's place: the place index's label when it knows places, else as typed."""
    typed = plain_text(text, "place", PLACE_MAX)
    if not typed or len(place_index(deps)) == 0:
        return typed
    return place_index(deps).exact(typed).label  # UserError: not exact, with the closest


async def member_city(deps: Deps, text: str) -> str:
    """A member's city: the index's label when it names a place exactly. A typo a read
    would correct ('Greenfeild') is refused with the closest places, so no correction is
    ever stored; a town the facts database does not know (at most loosely like another)
    or that names several places is kept as given: members are not turned away for it."""
    typed = plain_text(text, "city", PLACE_MAX)
    if not typed or len(place_index(deps)) == 0:
        return typed
    try:
        return place_index(deps).exact(typed).label
    except NotExact as exc:
        if exc.corrected:
            raise
        return typed
    except UserError:
        return typed

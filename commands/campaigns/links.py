"""Where campaigns meet other features: petition templates (letters) and places.

Kept in one module so that wiring them is one small, visible change.
"""

from __future__ import annotations

from bot.deps import Deps
from commands.campaigns.checks import PLACE_MAX, parse_template_name, plain_text
from storage.campaigns import Campaign


async def check_template(deps: Deps, text: str) -> str:
    """A template name for a new campaign ('' for none).

    The letters feature has not landed yet: the name is validated as a plain slug.
    """
    return parse_template_name(text)


async def petition_for(deps: Deps, campaign: Campaign) -> str:
    """The petition text shown to someone who joins ('' when the campaign names none)."""
    return ""


async def place_label(deps: Deps, text: str, what: str) -> str:
    """The member's or organizer's place, trimmed and capped, as given."""
    return plain_text(text, what, PLACE_MAX)

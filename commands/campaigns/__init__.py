"""/campaign: organizers count people; members join, leave and see where it stands."""

from __future__ import annotations

from bot.deps import Deps
from bot.models import Role
from bot.registry import (
    MAX_CHOICES,
    AutocompleteContext,
    Choice,
    Command,
    Option,
    OptionType,
    Registry,
)
from commands.campaigns import manage, report, signups
from commands.campaigns.checks import GOAL_MAX, PLACE_MAX, TITLE_MAX
from storage import campaigns as store

AUTOCOMPLETE = "campaign"


def _slug(description: str = "The campaign's short name, e.g. ring-free-greenfield") -> Option:
    return Option("slug", description, max_length=40, autocomplete=AUTOCOMPLETE)


async def campaign_slugs(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
    """Slugs of the caller's workspace only: other workspaces' campaigns stay invisible."""
    found = await store.slugs_like(deps.db, ctx.workspace, typed.strip().lower(), MAX_CHOICES)
    return [Choice(slug, slug) for slug in found]


def register(registry: Registry) -> None:
    registry.add_autocomplete(AUTOCOMPLETE, campaign_slugs)
    registry.add_all(
        (
            Command(
                ("campaign", "create"),
                "Start a campaign with an optional goal, petition, place and end date",
                manage.create,
                options=(
                    Option("slug", "Short name: 2-40 of a-z, 0-9 and -", max_length=40),
                    Option("title", "What people sign up for", max_length=TITLE_MAX),
                    Option(
                        "goal",
                        "How many sign-ups you aim for",
                        type=OptionType.INTEGER,
                        required=False,
                        min_value=1,
                        max_value=GOAL_MAX,
                    ),
                    Option(
                        "template",
                        "A petition template to show joiners",
                        autocomplete="template",
                        required=False,
                        max_length=64,
                    ),
                    Option(
                        "place",
                        "The city or county it is about",
                        required=False,
                        max_length=PLACE_MAX,
                        autocomplete="place",
                    ),
                    Option(
                        "ends",
                        "Last day of sign-ups, YYYY-MM-DD",
                        type=OptionType.DATE,
                        required=False,
                        max_length=10,
                    ),
                ),
                role=Role.ORGANIZER,
                examples=(
                    '/campaign create ring-free-greenfield "End the Ring partnership" 500',
                    '/campaign create no-face-rec "Ban face recognition" 1000 place:"Oakland, CA"'
                    " ends:2027-06-30",
                ),
            ),
            Command(
                ("campaign", "list"),
                "The campaigns of this server or workspace",
                manage.list_all,
                examples=("/campaign list",),
            ),
            Command(
                ("campaign", "info"),
                "What a campaign is about and how far it got",
                manage.info,
                options=(_slug(),),
                examples=("/campaign info ring-free-greenfield",),
            ),
            Command(
                ("campaign", "join"),
                "Sign up (your display name and, if you give it, your city are kept)",
                signups.join,
                options=(
                    _slug(),
                    Option(
                        "city",
                        "Your city, if you want it counted",
                        required=False,
                        max_length=PLACE_MAX,
                        greedy=True,
                        autocomplete="place",
                    ),
                ),
                private=True,
                examples=(
                    "/campaign join ring-free-greenfield",
                    "/campaign join ring-free-greenfield Greenfield, WI",
                ),
            ),
            Command(
                ("campaign", "leave"),
                "Withdraw your sign-up",
                signups.leave,
                options=(_slug(),),
                private=True,
                examples=("/campaign leave ring-free-greenfield",),
            ),
            Command(
                ("campaign", "stats"),
                "Sign-up count, progress toward the goal, sign-ups by day",
                report.stats,
                options=(_slug(),),
                examples=("/campaign stats ring-free-greenfield",),
            ),
            Command(
                ("campaign", "export"),
                "Download the sign-ups as CSV (name, city, day)",
                report.export,
                options=(_slug(),),
                role=Role.ORGANIZER,
                private=True,
                slow=True,
                examples=("/campaign export ring-free-greenfield",),
            ),
            Command(
                ("campaign", "close"),
                "Stop taking sign-ups",
                manage.close,
                options=(_slug(),),
                role=Role.ORGANIZER,
                examples=("/campaign close ring-free-greenfield",),
            ),
        )
    )

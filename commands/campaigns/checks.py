"""What every campaign command shares: the command set, the slug option and input rules.

The generic caps (length, control characters, integers, dates) are applied by
bot/core/options.py from the declarations; what is specific to campaigns lives here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.registry import MAX_CHOICES, AutocompleteContext, Choice, CommandSet
from bot.core.signatures import Opt
from lexicon.i18n import N_, _, format_fact_date
from lexicon.invisible import has_invisible
from storage.campaigns.models import Campaign

# Handler modules declare into this set when imported; commands/campaigns/__init__.py
# imports them in the order help lists the commands.
COMMANDS = CommandSet(group="campaign")
AUTOCOMPLETE = "campaign"

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{1,39}")
TEMPLATE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
TITLE_MAX = 120
PLACE_MAX = 100
NAME_MAX = 100
GOAL_MAX = 10_000_000
MAX_YEARS_AHEAD = 5
# Text that would ping a whole server or channel if a platform ever rendered it raw.
_MENTION = re.compile(r"@(everyone|here|channel)\b|<[!@#]", re.IGNORECASE)


def parse_slug(text: str) -> str:
    slug = text.strip().lower()
    if not SLUG.fullmatch(slug):
        raise UserError(
            _(
                "{typed!r} is not a campaign name: use 2-40 lowercase letters,"
                " digits and dashes, starting with a letter or digit (e.g. ring-free-greenfield)."
            ).format(typed=text.strip()[:40])
        )
    return slug


def parse_template_name(text: str) -> str:
    name = text.strip().lower()
    if name and not TEMPLATE_NAME.fullmatch(name):
        raise UserError(
            _(
                "{typed!r} is not a template name: use lowercase letters, digits,"
                " dashes and underscores."
            ).format(typed=text.strip()[:40])
        )
    return name


# One whole sentence per field (a translated noun glued into a sentence would get the wrong
# article and gender): (invisible characters, too long, mentions).
_TEXT_ERRORS = {
    "title": (
        N_("The title contains invisible characters (zero-width spaces or joiners);"
           " type it again without them."),
        N_("The title is too long ({length} characters; at most {cap})."),
        N_("The title may not contain mentions such as @everyone, @here or <!channel>."),
    ),
    "place": (
        N_("The place contains invisible characters (zero-width spaces or joiners);"
           " type it again without them."),
        N_("The place is too long ({length} characters; at most {cap})."),
        N_("The place may not contain mentions such as @everyone, @here or <!channel>."),
    ),
    "city": (
        N_("The city contains invisible characters (zero-width spaces or joiners);"
           " type it again without them."),
        N_("The city is too long ({length} characters; at most {cap})."),
        N_("The city may not contain mentions such as @everyone, @here or <!channel>."),
    ),
    "message": (
        N_("The message contains invisible characters (zero-width spaces or joiners);"
           " type it again without them."),
        N_("The message is too long ({length} characters; at most {cap})."),
        N_("The message may not contain mentions such as @everyone, @here or <!channel>."),
    ),
}  # fmt: skip


def plain_text(text: str, what: str, cap: int) -> str:
    """Trimmed, single-spaced, capped text with no mass-mention syntax; `what` is a key of
    _TEXT_ERRORS (title, place, city, message)."""
    invisible, too_long, mentions = _TEXT_ERRORS[what]
    cleaned = " ".join(text.split())
    if has_invisible(cleaned):
        raise UserError(_(invisible))
    if len(cleaned) > cap:
        raise UserError(_(too_long).format(length=len(cleaned), cap=cap))
    if _MENTION.search(cleaned):
        raise UserError(_(mentions))
    return cleaned


def future_end(ends: object, today: dt.date) -> str | None:
    """An end date must be a real date after today and within a sensible horizon."""
    if ends is None:
        return None
    if not isinstance(ends, dt.date):
        raise UserError(_("The end date must look like YYYY-MM-DD."))
    if ends <= today:
        raise UserError(_("The end date {day} is not in the future.").format(day=ends.isoformat()))
    if ends.year > today.year + MAX_YEARS_AHEAD:
        raise UserError(_("The end date must be within {n} years.").format(n=MAX_YEARS_AHEAD))
    return ends.isoformat()


def day(iso: str) -> str:
    """A stored day as a member reads it: English keeps the ISO date it always showed,
    Spanish says it in words ('28 de noviembre de 2026')."""
    return format_fact_date(iso, "day", iso_days=True)


def display_name(user_name: str) -> str:
    """The platform's display name, as given, minus anything unprintable, capped."""
    if user_name.isprintable():  # the usual case, checked in C
        printable = user_name.strip()
    else:
        printable = "".join(ch for ch in user_name if ch.isprintable()).strip()
    return printable[:NAME_MAX] or "(no name)"  # stored, so in one language: data, not a reply


def timestamp(deps: Deps) -> str:
    """The current UTC time as YYYY-MM-DDTHH:MM:SSZ (isoformat: half of strftime's cost)."""
    return deps.clock().astimezone(dt.UTC).isoformat()[:19] + "Z"


Slug = Annotated[
    str,
    Opt(
        "The campaign's short name, e.g. ring-free-greenfield",
        max_length=40,
        autocomplete=AUTOCOMPLETE,
    ),
]


@COMMANDS.autocomplete(AUTOCOMPLETE)
async def campaign_slugs(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
    """Slugs of the caller's workspace only: other workspaces' campaigns stay invisible."""
    found = await deps.storage.campaigns.slugs_like(
        ctx.workspace, typed.strip().lower(), MAX_CHOICES
    )
    return [Choice(slug, slug) for slug in found]


async def require_campaign(ctx: Ctx, typed: str) -> Campaign:
    """The campaign named by the `slug` option in the caller's workspace, or a clear error."""
    slug = parse_slug(typed)
    campaign = await ctx.deps.storage.campaigns.find(ctx.workspace, slug)
    if campaign is None:
        raise UserError(
            _("No campaign called {slug} here. Type /campaign list to see them.").format(slug=slug)
        )
    return campaign

"""Options and autocomplete sources shared by the fact commands ("place" and "company")."""

from __future__ import annotations

from typing import Annotated

from rapidfuzz import fuzz, process

from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.registry import MAX_CHOICES, AutocompleteContext, Choice, Sources
from bot.core.signatures import Opt
from lexicon.i18n import _
from lexicon.names import normalize
from places.index import place_index
from storage.facts.models import Company

PLACE_MAX = 120  # longer than any agency name on record, short enough to echo back
COMPANY_MAX = 80
COMPANY_ACCEPT = 80.0  # 'amazn' -> Amazon; 'Amazon Rekognition' -> Amazon (partial match)
_LEGAL_WORDS = frozenset({"inc", "corp", "corporation", "co", "company", "llc", "ltd", "the"})


def place_opt(description: str, *, name: str = "") -> Opt:
    """A place typed as people write it ('Greenfield, WI'), suggested as they type; `name`
    when the handler's parameter is not called `place`."""
    return Opt(description, max_length=PLACE_MAX, autocomplete="place", greedy=True, name=name)


# Where a member lives is theirs to tell: a place answer goes only to the asker unless they
# share it with the channel.
Share = Annotated[bool, Opt("true: post the answer to the channel (by default only you see it)")]

CompanyName = Annotated[
    str,
    Opt(
        "A company, e.g. amazon, IBM, Microsoft, Meta (leave out to list them all)",
        max_length=COMPANY_MAX,
        autocomplete="company",
        greedy=True,
    ),
]

SOURCES = Sources()  # the "place" and "company" autocomplete sources every feature uses


@SOURCES.source("place")
async def suggest_places(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
    return place_index(deps).suggest(typed, MAX_CHOICES)


@SOURCES.source("company")
async def suggest_companies(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
    aliases = await deps.storage.facts.company_aliases()
    key = normalize(typed)
    chosen: dict[str, Company] = {}
    for alias, company in aliases:
        if not key or alias.startswith(key) or normalize(company.name).startswith(key):
            chosen.setdefault(company.slug, company)
    if key and len(chosen) < MAX_CHOICES:
        for _score, company in _fuzzy_companies(key, aliases, 60.0):
            chosen.setdefault(company.slug, company)
    return [Choice(c.name, c.slug) for c in list(chosen.values())[:MAX_CHOICES]]


async def find_company(deps: Deps, typed: str) -> Company:
    """The company meant by a forgiving name: alias, legal suffixes dropped, then fuzzy."""
    company = await deps.storage.facts.company_by_alias(typed)
    if company is not None:
        return company
    aliases = await deps.storage.facts.company_aliases()
    if not aliases:
        raise UserError(_("No companies are on record yet: the facts database is empty."))
    words = [w for w in normalize(typed).split() if w not in _LEGAL_WORDS]
    key = " ".join(words)
    for alias, candidate in aliases:
        if normalize(alias) == key:
            return candidate
    matches = _fuzzy_companies(key, aliases, COMPANY_ACCEPT)
    if matches:
        return matches[0][1]
    names = ", ".join(dict.fromkeys(c.name for _, c in aliases))
    raise UserError(
        _("No company called {typed!r} on record. On record: {names}.").format(
            typed=typed.strip()[:40], names=names
        )
    )


def _fuzzy_companies(
    key: str, aliases: list[tuple[str, Company]], cutoff: float
) -> list[tuple[float, Company]]:
    """Aliases scored against what was typed; there are few, so scoring them all is cheap."""
    if len(key) < 3:  # one or two letters would "partly match" almost any name
        return []
    keys = [normalize(alias) for alias, _ in aliases]
    found = process.extract(key, keys, scorer=fuzz.WRatio, limit=None, score_cutoff=cutoff)
    return [(float(score), aliases[index][1]) for _, score, index in found]

"""The render context of one draft: the user's values (as data) and the facts it needs.

Only the facts a template reads are loaded (its fields come from its AST). When a
fact is missing, the message says what to choose instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.deps import Deps
from bot.errors import UserError
from commands.letters.dates import today_text
from commands.letters.fields import NEEDS_LAWS, NEEDS_PARTNERSHIP, NEEDS_PLACE
from commands.letters.neighbors import neighbors
from commands.letters.views import (
    agency_view,
    clean,
    company_view,
    event_view,
    law_view,
    partnership_view,
    place_view,
)
from places.index import place_index
from places.snapshot import Place
from storage.facts_models import RING_TECHNOLOGY, Deployment, Law

MAX_SIGNER = 80
MAX_RECIPIENT = 160
MAX_LAWS = 40  # per list: a petition cites laws, it does not reprint the database
DEFAULT_COMPANY = "amazon"
PLACEHOLDER_SIGNER = {"en": "[Your name]", "es": "[Su nombre]"}
BAN_KINDS = frozenset({"ban", "moratorium"})
STANDING = frozenset({"in-force", "partly-reversed"})


@dataclass(frozen=True)
class DraftAsk:
    """What the person asked for; every string is user text, and stays data."""

    template: str
    fields: frozenset[str]
    language: str
    place: str = ""
    recipient: str = ""
    signer: str = ""
    company: str = ""


async def build_context(deps: Deps, ask: DraftAsk) -> dict[str, object]:
    language = ask.language
    context: dict[str, object] = {
        "today": today_text(deps.today(), language),
        "language": language,
        "signer": clean(ask.signer, MAX_SIGNER) or PLACEHOLDER_SIGNER[language],
        "recipient": clean(ask.recipient, MAX_RECIPIENT),
    }
    place = await _place(deps, ask)
    context["place"] = place_view(place, language)
    if place is not None and ask.fields & NEEDS_PARTNERSHIP:
        deployment = await _partnership(deps, place)
        context["agency"] = agency_view(deployment.agency)
        context["partnership"] = partnership_view(deployment, language)
    if "ring" in ask.fields:
        context["ring"] = await _ring_status(deps, language)
    if "company" in ask.fields:
        context["company"] = await _company(deps, ask.company or DEFAULT_COMPANY, language)
    if place is not None and ask.fields & (NEEDS_LAWS | {"ban"}):
        state_laws = await deps.storage.facts.laws_in_state(place.state)
        context["laws"] = [law_view(law, language) for law in state_laws[:MAX_LAWS]]
        if "nearby_laws" in ask.fields:
            context["nearby_laws"] = await _nearby_laws(deps, place.state, language)
        if "ban" in ask.fields:
            context["ban"] = law_view(await _ban(deps, ask, place), language)
    return context


async def _place(deps: Deps, ask: DraftAsk) -> Place | None:
    needs_place = bool(ask.fields & (NEEDS_PLACE - {"place"}))
    if not ask.place.strip():
        if needs_place:
            raise UserError(
                f"The {ask.template} template needs a place, e.g."
                f" /letter draft {ask.template} Greenfield, WI"
            )
        return None
    return place_index(deps).resolve(ask.place)


async def _partnership(deps: Deps, place: Place) -> Deployment:
    found = await deps.storage.facts.deployments_for_agencies(place.agency_ids, RING_TECHNOLOGY)
    ongoing = [d for d in found if d.ended is None]
    if ongoing:
        # The city's own police first, then whichever agency joined earliest.
        ongoing.sort(key=lambda d: (d.agency.city.lower() != place.city.lower(), d.started or ""))
        return ongoing[0]
    if found:
        raise UserError(
            f"{found[0].agency.name}'s Ring partnership ended on {found[0].ended}: there is"
            f" nothing to end. Try /letter draft ban-petition {place.label}"
        )
    others = await deps.storage.facts.ring_partnerships(place.state)
    named = list(
        dict.fromkeys(f"{d.agency.city}, {d.agency.state}" for d in others if d.agency.city)
    )
    hint = f" Places in {place.state} with one: {', '.join(named[:5])}." if named else ""
    raise UserError(
        f"No Ring partnership is on record for {place.label}.{hint} For a letter that fits"
        f" {place.label}, try /letter draft ban-petition {place.label}"
    )


async def _ring_status(deps: Deps, language: str) -> dict[str, object]:
    ring = await deps.storage.facts.company_by_alias("ring")
    latest = None if ring is None else await deps.storage.facts.current_status(ring.id)
    if latest is None:
        raise UserError(
            "No status of Ring's police program is on record yet; an admin can add one"
            " (company ring). Meanwhile, try /letter draft ban-petition <place>"
        )
    return event_view(latest, language)


async def _company(deps: Deps, name: str, language: str) -> dict[str, object]:
    company = await deps.storage.facts.company_by_alias(name)
    if company is None:
        known = [s.company.slug for s in await deps.storage.facts.companies_with_status()]
        listed = ", ".join(known) if known else "none yet"
        raise UserError(f"No company called {clean(name, 40)!r} is on record; known: {listed}.")
    timeline = await deps.storage.facts.company_timeline(company.id)
    if not timeline:
        raise UserError(f"No dated events are on record for {company.name} yet; try amazon.")
    latest = await deps.storage.facts.current_status(company.id)
    return company_view(company.name, timeline, latest, language)


async def _nearby_laws(deps: Deps, state: str, language: str) -> list[dict[str, object]]:
    found: list[Law] = []
    for near in neighbors(state):
        found.extend(await deps.storage.facts.laws_in_state(near))
    found.sort(key=lambda law: (law.enacted, law.id))
    return [law_view(law, language) for law in found[:MAX_LAWS]]


async def _ban(deps: Deps, ask: DraftAsk, place: Place) -> Law:
    local = await deps.storage.facts.laws_for_place(place.state, place.city, place.counties)
    bans = [law for law in local if law.kind in BAN_KINDS and law.level != "state"]
    standing = [law for law in bans if law.status in STANDING]
    if standing:
        return standing[-1]
    if bans:
        gone = bans[-1]
        raise UserError(
            f"{gone.jurisdiction}'s {gone.kind} is no longer in force ({gone.status}). To ask"
            f" for a new one, try /letter draft ban-petition {place.label}"
        )
    raise UserError(
        f"No facial-recognition ban is on record for {place.label}. To ask for one, try"
        f" /letter draft ban-petition {place.label}"
    )

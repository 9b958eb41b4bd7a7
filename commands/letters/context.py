"""The render context of one draft: the user's values (as data) and the facts it needs.

Only the facts a template reads are loaded (its fields come from its AST). The template's
`applies` is checked against the facts first (commands/letters/fit.py): a template that
does not fit is refused, naming the one that does. When a fact is missing, the message
says what to choose instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.deps import Deps
from bot.core.errors import UserError
from commands.facts.serving import gone
from commands.letters.addressee import Body, city_own, salutation
from commands.letters.companies import company_context, ring_status
from commands.letters.dates import today_text
from commands.letters.fit import (
    PlaceFacts,
    check_place_fit,
    place_facts,
)
from commands.letters.on_record import agency_body_on_record, place_body_on_record
from commands.letters.records import records_view
from commands.letters.ring_today import ring_today, snapshot_as_of
from commands.letters.views import (
    agency_view,
    clean,
    law_view,
    partnership_view,
    place_view,
)
from lexicon.i18n import _, ngettext
from lexicon.invisible import has_invisible
from lexicon.neighbors import neighbors
from places.index import place_index
from places.snapshot import Place
from storage.facts.models import Agency, Deployment, Law
from templating.fields import (
    MAX_RECIPIENT,
    MAX_SIGNER,
    NEEDS_LAWS,
    NEEDS_PARTNERSHIP,
    NEEDS_PLACE,
)

MAX_LAWS = 40  # per list: a petition cites laws, it does not reprint the database
MAX_NAMED = 5  # agencies named when asking which one
DEFAULT_COMPANY = "amazon"
PLACE_APPLIES = frozenset({"no-ban", "ban", "ring"})


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
    applies: frozenset[str] = frozenset()
    since: str = ""  # ISO date a records request asks from ('' = DEFAULT_SINCE)
    contact: str = ""  # how the agency reaches the requester (records requests)


async def build_context(deps: Deps, ask: DraftAsk) -> dict[str, object]:
    language = ask.language
    for what, typed in (("signer", ask.signer), ("recipient", ask.recipient)):
        if has_invisible(typed):
            raise UserError(
                _(
                    "The {what} contains invisible characters (zero-width spaces or joiners);"
                    " type it again without them."
                ).format(what=what)
            )
    recipient = clean(ask.recipient, MAX_RECIPIENT)
    context: dict[str, object] = {
        "today": today_text(deps.today(), language),
        "language": language,
        # No placeholder: a petition shown to joiners must not read "Started by [Your name]".
        "signer": clean(ask.signer, MAX_SIGNER),
        "recipient": recipient,
    }
    place = await _place(deps, ask)
    body: Body | None = await place_body_on_record(deps, place) if place is not None else None
    context["place"] = place_view(place, language, body)
    if place is not None:
        facts = await place_facts(deps, place)
        check_place_fit(ask.template, ask.applies, facts)
        if ask.fields & NEEDS_PARTNERSHIP:
            deployment = _partnership(ask, facts)
            body = await agency_body_on_record(deps, deployment.agency, deployment.summary)
            context["agency"] = agency_view(deployment.agency, language, body)
            rows = [d for d in facts.ring if d.agency.id == deployment.agency.id]
            context["partnership"] = partnership_view(deployment, language, rows)
            lookup = place_index(deps).facts
            context["ring_today"] = ring_today(lookup, language, deployment.started or "")
            context["snapshot"] = snapshot_as_of(lookup, language)
        if "records" in ask.fields:
            agency = await _records_agency(deps, ask, facts)
            body = await agency_body_on_record(deps, agency)
            context["agency"] = agency_view(agency, language, body)
            context["records"] = await records_view(deps, agency, ask.since, language, ask.contact)
        if ask.fields & (NEEDS_LAWS | {"ban"}):
            in_state = await deps.storage.facts.laws_in_state(place.state)
            state_laws = _restricting(in_state)
            context["laws"] = [law_view(law, language) for law in state_laws[:MAX_LAWS]]
            # What exists besides (Illinois' BIPA): named as what it is, so a petition never
            # says "no law" where /laws lists one.
            non_bans = [law for law in in_state if law not in state_laws]
            context["other_laws"] = [law_view(law, language) for law in non_bans[:MAX_LAWS]]
            if "nearby_laws" in ask.fields:
                context["nearby_laws"] = await _nearby_laws(deps, place.state, language)
            if "ban" in ask.fields:
                context["ban"] = law_view(_ban(facts), language)
    if "ring_today" in ask.fields and "ring_today" not in context:
        lookup = place_index(deps).facts
        context["ring_today"] = ring_today(lookup, language)
        context["snapshot"] = snapshot_as_of(lookup, language)
    if "ring" in ask.fields:
        context["ring"] = await ring_status(deps, language)
    if "company" in ask.fields:
        context["company"] = await company_context(
            deps, ask.company or DEFAULT_COMPANY, ask.template, ask.applies, language
        )
        body = None  # a company letter goes to the company, never to the place's council
    context["addressee"] = {
        "to": recipient or (body.name(language) if body else ""),
        "dear": salutation(recipient, body, language),
        # A sheriff is asked directly; only a body that governs the agency may direct it.
        "governs": body is None or body.governs,
        # One person named (recipient:"Mayor Jane Doe") or a sheriff: singular, not "les".
        "one": bool(recipient) or (body is not None and body.one),
        "cc": body.cc(language) if body is not None else "",
        # A records request goes to the agency's records officer, not to a body.
        "note": body.note() if body and not recipient and "records" not in ask.fields else "",
    }
    return context


async def _place(deps: Deps, ask: DraftAsk) -> Place | None:
    needs_place = bool(ask.fields & (NEEDS_PLACE - {"place"})) or bool(ask.applies & PLACE_APPLIES)
    if not ask.place.strip():
        if needs_place:
            raise UserError(
                _(
                    "The {template} template needs a place, e.g."
                    " /letter draft {template} Greenfield, WI"
                ).format(template=ask.template)
            )
        return None
    return place_index(deps).resolve(ask.place)


def _partnership(ask: DraftAsk, facts: PlaceFacts) -> Deployment:
    """The one agency the letter is about; when the place has several, ask which."""
    place, ongoing = facts.place, list(facts.ring)
    if not ongoing:
        check_place_fit(ask.template, frozenset({"ring"}), facts)  # raises, naming what fits
    # The earliest row of each agency: a second row (Oviedo's, in the Atlas twice) is a
    # later date for the same partnership, and the letter says the first one and names it.
    agencies: dict[int, Deployment] = {}
    for row in sorted(ongoing, key=lambda d: (d.started or "9999", d.id)):
        agencies.setdefault(row.agency.id, row)
    # An agency that no longer exists (the Town of Madison's police) cannot be written to;
    # named alone, its letter says why (addressee.agency_body refuses, with the source).
    existing = {i: d for i, d in agencies.items() if not gone(d)}
    if existing and len(existing) < len(agencies) and place.kind != "agency":
        agencies = existing
    if len(agencies) == 1:
        return next(iter(agencies.values()))
    # A city's own police: named after the city, not a sheriff or county force based there.
    own = [d for d in agencies.values() if city_own(d.agency, place.city)]
    if len(own) == 1 and place.kind == "city":
        return own[0]
    names = sorted(d.agency.name for d in agencies.values())
    raise _which_one(
        ngettext(
            "{place} has {n} agency with a Ring partnership on record ({names}): which one?"
            " e.g. /letter draft {template} {first}, {state}",
            "{place} has {n} agencies with a Ring partnership on record ({names}): which one?"
            " e.g. /letter draft {template} {first}, {state}",
            len(names),
        ),
        ask,
        place,
        names,
    )


async def _records_agency(deps: Deps, ask: DraftAsk, facts: PlaceFacts) -> Agency:
    """The agency a records request goes to: the place's only one, or its own police."""
    place = facts.place
    found = await deps.storage.facts.deployments_for_agencies(place.agency_ids)
    agencies = {d.agency.id: d.agency for d in found}
    if len(agencies) == 1:
        return next(iter(agencies.values()))
    own = [a for a in agencies.values() if city_own(a, place.city)]
    if len(own) == 1 and place.kind == "city":
        return own[0]
    if not agencies:
        raise UserError(
            _(
                "No agency of {place} is on record; name one, e.g. /letter draft"
                " {template} Greenfield Police Department, WI"
            ).format(place=place.label, template=ask.template)
        )
    names = sorted(a.name for a in agencies.values())
    raise _which_one(
        ngettext(
            "{place} has {n} agency on record ({names}): which one? e.g. /letter draft"
            " {template} {first}, {state}",
            "{place} has {n} agencies on record ({names}): which one? e.g. /letter draft"
            " {template} {first}, {state}",
            len(names),
        ),
        ask,
        place,
        names,
    )


def _which_one(message: str, ask: DraftAsk, place: Place, names: list[str]) -> UserError:
    """'<place> has N agencies ... ({names}): which one? e.g. /letter draft ...', the
    message (one of the plural pairs above, said in the asker's language) filled in."""
    return UserError(
        message.format(
            place=place.label,
            n=len(names),
            names=_named(names),
            template=ask.template,
            first=names[0],
            state=place.state,
        )
    )


def _named(names: list[str]) -> str:
    """The first few names, and how many more."""
    shown = ", ".join(names[:MAX_NAMED])
    more = len(names) - MAX_NAMED
    if more <= 0:
        return shown
    return ngettext("{names} and {n} more", "{names} and {n} more", more).format(
        names=shown, n=more
    )


async def _nearby_laws(deps: Deps, state: str, language: str) -> list[dict[str, object]]:
    found: list[Law] = []
    for near in neighbors(state):
        found.extend(await deps.storage.facts.laws_in_state(near))
    found = _restricting(found)
    found.sort(key=lambda law: (law.enacted, law.id))
    return [law_view(law, language) for law in found[:MAX_LAWS]]


def _restricting(laws: list[Law]) -> list[Law]:
    """Laws that restrict government use of facial recognition or surveillance (bans,
    moratoriums, oversight): a letter cites these as precedent. A consent rule for private
    companies (Illinois' BIPA, Texas') is a different kind of law and is not one."""
    return [law for law in laws if law.kind != "regulation"]


def _ban(facts: PlaceFacts) -> Law:
    if facts.ban is None:
        check_place_fit("keep-ban", frozenset({"ban"}), facts)  # raises, naming what fits
    assert facts.ban is not None
    return facts.ban

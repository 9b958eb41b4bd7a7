"""A city's own police, apart from the agencies that only serve it or share its mailing
town: the Alameda County Sheriff (a San Leandro row) is not Oakland's police, and the Gates
police (a Rochester address) are not Rochester's."""

from __future__ import annotations

from bot.core.models import Field
from commands.facts.text import and_more, date_text
from lexicon.i18n import _
from lexicon.names import normalize
from places.governing import rule_for
from places.jurisdiction import Jurisdiction, jurisdiction_of
from places.lookup_facts import LookupFacts
from places.snapshot import Place
from storage.facts.models import Deployment

SERVING_SHOWN = 15


def is_own(place: Place, deployment: Deployment) -> bool:
    """Whether the agency's jurisdiction is the place itself (always, for an agency or
    county place: those list what they name)."""
    if place.kind != "city":
        return True
    j = jurisdiction_of(deployment.agency, deployment.summary)
    if j.is_county:
        return False
    wanted = normalize(place.city)
    names = {normalize(n) for n in j.finding_names}
    # The New York Police Department's rows give "New York City" as their town: a city's
    # police named for it ("New York") whose own address is that "... City" is its own.
    at_home = wanted == normalize(deployment.agency.city)
    return wanted in names or (at_home and wanted in {f"{n} city" for n in names})


def split_own(
    place: Place, partnerships: list[Deployment]
) -> tuple[list[Deployment], list[Deployment]]:
    own = [d for d in partnerships if is_own(place, d)]
    return own, [d for d in partnerships if not is_own(place, d)]


def serving_fields(facts: LookupFacts, place: Place, serving: list[Deployment]) -> list[Field]:
    """The other agencies, labelled: county (and state) agencies serving parts of the place,
    then other municipalities' police with an address there."""
    county: list[str] = []
    elsewhere: list[str] = []
    for d in serving:
        j = jurisdiction_of(d.agency, d.summary)
        joined = date_text(d.started, d.started_precision)
        if j.is_county or j.kind == "state":
            county.append(
                _("{agency} ({whose}; joined {day})").format(
                    agency=d.agency.name, whose=_whose(j), day=joined
                )
            )
        else:
            elsewhere.append(
                _("{agency} (the police of {place}; joined {day})").format(
                    agency=d.agency.name, place=j.label, day=joined
                )
            )
    fields = []
    if county:
        fields.append(
            Field(
                _("County and state agencies serving parts of {place} (not its own police)").format(
                    place=place.label
                ),
                _listed(county),
            )
        )
    if elsewhere:
        fields.append(
            Field(
                _("Other places' police with a {city} address").format(city=place.city),
                _listed(elsewhere),
            )
        )
    return fields


def _whose(j: Jurisdiction) -> str:
    if j.kind == "state":
        return _("a state agency")
    return _("an agency of {place}").format(place=j.label)


def _listed(items: list[str]) -> str:
    more = len(items) - SERVING_SHOWN
    return "; ".join(items[:SERVING_SHOWN]) + (and_more(more) if more > 0 else "") + "."


def gone(deployment: Deployment) -> str:
    """Why the agency no longer exists, with the source ('' when nothing says it is gone):
    the Town of Madison, WI dissolved in 2022 and its police with it."""
    j = jurisdiction_of(deployment.agency, deployment.summary)
    rule = rule_for(j, deployment.agency.name)
    if rule is None or rule.relation != "dissolved":
        return ""
    return rule.note + " " + _("Source: {source}").format(source=rule.cite())

"""How a Spanish letter names agencies, places, states and sources.

A Spanish sentence cannot take an English proper name bare: "ordenen a Greenfield Police
Department" reads as English pasted in. The rule (docs/glossary-es.md): an agency is named
by a Spanish description built from what its name says (its kind of force and its
jurisdiction, places/jurisdiction.py), with its official English name in parentheses on
first mention, "el Departamento de Policía de Greenfield (Greenfield Police Department)";
after that the description alone. A name the rule cannot read (a transit or campus force,
a name with no known suffix) is "la agencia <English name>", never a guessed translation.
A county is "el condado de Cook"; a state has its Spanish name where it has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from places.jurisdiction import Jurisdiction, jurisdiction_of
from places.snapshot import Place
from storage.facts.models import Agency

# The force a name's suffix says (longest first), with its Spanish noun phrase's article.
_FORCES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\s*{suffix}$", re.I), spanish)
    for suffix, spanish in (
        (r"Metropolitan Police Department", "el Departamento de Policía Metropolitana"),
        (r"Metro Police Department", "el Departamento de Policía Metropolitana"),
        (r"Police Department|Police Dept\.?", "el Departamento de Policía"),
        (
            r"Department of Public Safety|Public Safety Department",
            "el Departamento de Seguridad Pública",
        ),
        (r"Police Division|Division of Police", "la División de Policía"),
        (r"Police Bureau|Bureau of Police", "la Oficina de Policía"),
        (r"Police", "la Policía"),
        (r"Sheriff's Office|Sheriffs Office", "la Oficina del Sheriff"),
        (
            r"Sheriff's Department|Sheriff Department|Sheriff's Dept\.?",
            "el Departamento del Sheriff",
        ),
    )
)
_COUNTY = re.compile(r"^(.+?) (County|Parish|Borough)$")
_COUNTY_ES = {"County": "el condado", "Parish": "la parroquia", "Borough": "el distrito"}
_OF_KIND = re.compile(r"^(?:The )?(?:City|Town|Village|Borough|Township) of ", re.I)
# Forces the rule does not describe: a campus, transit, tribal or state force keeps its name.
_NOT_LOCAL = frozenset({"special", "state", "regional", "other"})
_INSTITUTION = re.compile(
    r"\b(?:University|College|Campus|Transit|Transportation|School|Airport|Port|Tribal|Nation"
    r"|Hospital|State|Railroad|Authority|District)\b",
    re.I,
)
_TOWN_ES = {"New York City": "la ciudad de Nueva York"}  # a city with a Spanish name

STATE_ES = {
    "Hawaii": "Hawái",
    "Louisiana": "Luisiana",
    "Michigan": "Míchigan",
    "Missouri": "Misuri",
    "New Jersey": "Nueva Jersey",
    "New Mexico": "Nuevo México",
    "New York": "Nueva York",
    "North Carolina": "Carolina del Norte",
    "North Dakota": "Dakota del Norte",
    "Oregon": "Oregón",
    "Pennsylvania": "Pensilvania",
    "South Carolina": "Carolina del Sur",
    "South Dakota": "Dakota del Sur",
    "West Virginia": "Virginia Occidental",
    "District of Columbia": "Distrito de Columbia",
}


def state_es(name: str) -> str:
    return STATE_ES.get(name, name)


def de(phrase: str) -> str:
    """'de' before a Spanish noun phrase, contracted: 'del Concejo', 'de la Junta'."""
    return "del " + phrase[3:] if phrase.startswith("el ") else "de " + phrase


def a(phrase: str) -> str:
    """'a' before a Spanish noun phrase, contracted: 'al Departamento', 'a la Oficina'."""
    return "al " + phrase[3:] if phrase.startswith("el ") else "a " + phrase


def region_es(name: str, title: bool = False) -> str:
    """'Cook County' -> 'el condado de Cook' ('el Condado de Cook' in an institution's name,
    `title`); a municipality keeps its name."""
    county = _COUNTY.match(name)
    if county:
        word = _COUNTY_ES[county[2]]
        if title:
            article, noun = word.split(" ")
            word = f"{article} {noun.capitalize()}"
        return f"{word} de {county[1]}"
    town = _TOWN_ES.get(name, name)
    return town.replace(" ciudad ", " Ciudad ") if title else town


def jurisdiction_es(j: Jurisdiction) -> str:
    """The jurisdiction as a Spanish noun phrase: 'el condado de Cook, IL', 'Greenfield, WI'."""
    name = region_es(j.common_name if not j.is_county else j.name)
    return f"{name}, {j.state}" if j.state else name


def place_es(place: Place) -> str:
    """Where a typed place is, in Spanish: a county or parish with its word, an agency typed
    as a place by its town (a petition is signed by people living somewhere, not in a
    sheriff's office)."""
    if place.kind == "agency" and (place.city or place.county):
        where = place.city or place.county.split(",")[0].strip()
        return f"{region_es(where)}, {place.state}"
    if place.kind == "county":
        return f"{region_es(place.label.rsplit(',', 1)[0].strip())}, {place.state}"
    city = place.label.rsplit(",", 1)[0].strip()
    return f"{region_es(city)}, {place.state}" if city in _TOWN_ES else place.label


def law_place_es(jurisdiction: str) -> str:
    """A law's jurisdiction as stored ('California', 'King County, WA'), in Spanish."""
    name, comma, state = jurisdiction.rpartition(", ")
    if not comma:
        return state_es(jurisdiction)
    return f"{region_es(name)}, {state}"


@dataclass(frozen=True)
class AgencyEs:
    """An agency named in Spanish: `first` on first mention, `short` afterwards."""

    first: str
    short: str


def agency_es(agency: Agency) -> AgencyEs:
    """'el Departamento de Policía de Greenfield (Greenfield Police Department)'."""
    name = agency.name.strip()
    plain = AgencyEs(f"la agencia {name}", f"la agencia {name}")
    if jurisdiction_of(agency).kind in _NOT_LOCAL:
        return plain
    for suffix, force in _FORCES:
        found = suffix.search(name)
        if found is None:
            continue
        where = _OF_KIND.sub("", name[: found.start()].strip())
        if not where or _INSTITUTION.search(where):
            return plain
        short = f"{force} {de(region_es(where, title=True))}"
        return AgencyEs(f"{short} ({name})", short)
    return plain

"""Who a letter about an agency goes to: the body that governs that agency.

A city's police answer to its council (San Francisco's to its Board of Supervisors, a
consolidated city-county); a sheriff or a county police department to the county's board.
The county board's name differs by state; where we do not know it, "Board of
Commissioners", the most common form, is used. `recipient:` overrides all of this,
salutation included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from places.snapshot import Place
from storage.facts.models import Agency

# Counties governed by a Board of Supervisors, or (Texas) a Commissioners Court.
_SUPERVISORS = frozenset({"AZ", "CA", "IA", "MS", "VA", "WI"})
_COMMISSIONERS_COURT = frozenset({"TX"})
# Consolidated city-counties whose legislature is not called a city council.
_CITY_BODY = {("san francisco", "CA"): ("Board of Supervisors", "Junta de Supervisores")}
_COUNTY_IN_NAME = re.compile(r"^(.+? (?:County|Parish))\b")
_COUNTY_AGENCY = re.compile(r"\b(sheriff|county police|county department|parish)\b", re.I)
_LOCAL_UNIT = re.compile(r"^(.+? (?:Township|Village|Town))\b")


@dataclass(frozen=True)
class Body:
    """A governing body: its name in each language, and how a letter greets it."""

    en: str  # "the Hall County Board of Commissioners"
    es: str  # "la Junta de Comisionados del Condado de Hall"

    def name(self, language: str) -> str:
        return self.en if language == "en" else self.es

    def dear(self, language: str) -> str:
        if language == "en":
            return f"Dear Members of {self.en},"
        return f"Estimados miembros {_de(self.es)}:"


def _de(phrase: str) -> str:
    """'de' before a Spanish noun phrase, contracted: 'del Concejo', 'de la Junta'."""
    return "del " + phrase[3:] if phrase.startswith("el ") else "de " + phrase


def _county_es(county: str) -> str:
    base = county.removesuffix(" County").removesuffix(" Parish")
    return f"Parroquia de {base}" if county.endswith(" Parish") else f"Condado de {base}"


def county_body(county: str, state: str) -> Body:
    county = county.strip()
    if not county.endswith((" County", " Parish")):
        county = f"{county} County"
    where = _county_es(county)
    if state in _SUPERVISORS:
        return Body(f"the {county} Board of Supervisors", f"la Junta de Supervisores del {where}")
    if state in _COMMISSIONERS_COURT:
        return Body(f"the {county} Commissioners Court", f"la Corte de Comisionados del {where}")
    if county.endswith(" Parish"):
        return Body(f"the {county} governing authority", f"el gobierno de la {where}")
    return Body(f"the {county} Board of Commissioners", f"la Junta de Comisionados del {where}")


def city_body(city: str, state: str) -> Body:
    special = _CITY_BODY.get((city.lower(), state))
    if special is not None:
        return Body(f"the {city} {special[0]}", f"la {special[1]} de {city}")
    council = city if city.endswith(" City") else f"{city} City"
    return Body(f"the {council} Council", f"el Concejo Municipal de {city}")


def _unit_body(unit: str) -> Body:
    """A township, village or town: its board (the usual name; `recipient:` corrects it)."""
    kind = unit.rsplit(" ", 1)[1]
    es = {"Township": "Municipio", "Village": "Villa", "Town": "Pueblo"}[kind]
    name = unit.rsplit(" ", 1)[0]
    return Body(f"the {unit} Board", f"la Junta del {es} de {name}")


def agency_body(agency: Agency) -> Body:
    """The body that governs `agency`, read from its name, city and county."""
    county = _COUNTY_IN_NAME.match(agency.name)
    if _is_county(agency):
        named = county.group(1) if county else agency.county.split(",")[0].strip()
        base = named.removesuffix(" County")
        if (base.lower(), agency.state) in _CITY_BODY:  # a consolidated city-county
            return city_body(base, agency.state)
        if named:
            return county_body(named, agency.state)
    unit = _LOCAL_UNIT.match(agency.name)
    if unit and not agency.name.startswith("Town of"):
        return _unit_body(unit.group(1))
    if agency.city:
        return city_body(agency.city, agency.state)
    first = agency.county.split(",")[0].strip()
    return county_body(first or agency.name, agency.state)


def city_own(agency: Agency, city: str) -> bool:
    """Whether `agency` is the city's own (named after it, not a sheriff or county force)."""
    return (
        bool(city)
        and agency.city.lower() == city.lower()
        and agency.name.lower().startswith(city.lower())
        and not _is_county(agency)
        and (agency.kind.lower() == "police" or agency.jurisdiction_type.lower() == "municipal")
    )


def _is_county(agency: Agency) -> bool:
    return bool(_COUNTY_AGENCY.search(agency.name)) or agency.jurisdiction_type == "County"


def place_body(place: Place) -> Body:
    """Who passes a local ordinance for `place`: its city's council, or its county's board."""
    if place.kind == "county" or not place.city:
        county = place.county.split(",")[0].strip() or place.label.split(",")[0]
        return county_body(county, place.state)
    return city_body(place.city, place.state)


def salutation(recipient: str, body: Body | None, language: str) -> str:
    """'Dear Mayor Jane Doe,' when a recipient is named; else the body's members."""
    if recipient:
        return f"Dear {recipient}," if language == "en" else f"Estimado/a {recipient}:"
    if body is not None:
        return body.dear(language)
    return "Dear Sir or Madam," if language == "en" else "Estimados señores:"

"""Which government an agency belongs to: its jurisdiction, read from the agency's name and
the Atlas's Type of LEA / Type of Juris, never from its mailing town alone.

The Atlas's City cell is a mailing address: the Gates (NY) police have a Rochester address,
the Mount Lebanon (PA) police a Pittsburgh one. A letter about Gates's police goes to Gates.
Where the name does not say what kind of municipality it is (city, town, village ...), the
kind is "municipality": the bot then says so rather than guess a city council.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lexicon.names import normalize, split_counties
from storage.facts.models import Agency

MUNICIPALITY = "municipality"  # a municipality whose kind the data does not tell
COUNTY_KINDS = frozenset({"county", "parish", "alaska-borough", "city-county"})
_KIND_WORDS = {
    "city": "City",
    "town": "Town",
    "village": "Village",
    "borough": "Borough",
    "township": "Township",
    "county": "County",
    "parish": "Parish",
    "alaska-borough": "Borough",
    "city-county": "City and County",
}
_SPECIAL = {
    "university": "university",
    "transit": "transit",
    "school district": "school",
    "school": "school",
    "port": "port",
    "airport": "port",
    "tribal": "tribal",
}
_FORCE = re.compile(
    r"\s*(?:'s)?\s*(?:Metropolitan Police Department|Metro Police Department"
    r"|Police Department|Police Dept\.?|Police Division|Division of Police"
    r"|Department of Public Safety|Public Safety Department|Public Sfty Department"
    r"|Police Bureau|Bureau of Police|Police Authority|Public Safety|Police|Sheriff's Office"
    r"|Sheriffs Office|Sheriff's Department|Sheriff Department|Sheriff's Dept\.?|Sheriff)$",
    re.I,
)
_OF_KIND = re.compile(r"^(?:The )?(City|Town|Village|Borough|Township) of (.+)$", re.I)
_KIND_SUFFIX = re.compile(r"^(.+?) (Township|Borough|Town|Village|City)$")
_COUNTY_IN_NAME = re.compile(r"^(.+? (?:County|Parish|Borough))\b")
# "The Town of Gates Police Department signed an agreement ..." (a Ring row's Summary)
_SUMMARY_KIND = re.compile(r"^The (City|Town|Village|Borough|Township) of ")


@dataclass(frozen=True)
class Jurisdiction:
    """A government: 'Gates' (a town, NY), 'Alameda County' (a county, CA)."""

    name: str  # as written: 'Upper Darby', 'Alameda County', 'Calcasieu Parish'
    kind: str  # city, town, village, borough, township, municipality, county, parish,
    # alaska-borough, city-county, state, regional, special, other
    state: str
    special: str = ""  # for kind 'special': transit, university, school, port, tribal

    @property
    def label(self) -> str:
        """How members type it: 'Gates, NY', 'Upper Darby Township, PA'."""
        return f"{self.common_name}, {self.state}" if self.state else self.common_name

    @property
    def common_name(self) -> str:
        """'Upper Darby Township' for a township, else the bare name."""
        if self.kind in ("township", "borough") and not self.name.endswith(_KIND_WORDS[self.kind]):
            return f"{self.name} {_KIND_WORDS[self.kind]}"
        return self.name

    @property
    def formal(self) -> str:
        """'the Town of Gates, NY'; 'Gates, NY' when its kind is not known."""
        word = _KIND_WORDS.get(self.kind)
        if word is None or self.is_county:
            return self.label
        return f"the {word} of {self.name}, {self.state}"

    @property
    def finding_names(self) -> tuple[str, ...]:
        """Every name it is found by: 'Upper Darby' and 'Upper Darby Township'."""
        names = [self.name, self.common_name]
        if self.kind in _KIND_WORDS and self.kind not in COUNTY_KINDS:
            names.append(f"{_KIND_WORDS[self.kind]} of {self.name}")
        return tuple(dict.fromkeys(n for n in names if normalize(n)))

    @property
    def is_county(self) -> bool:
        return self.kind in COUNTY_KINDS


def jurisdiction_of(agency: Agency, summary: str = "") -> Jurisdiction:
    """The government `agency` belongs to. `summary`: a Ring row's Summary, which sometimes
    names the kind ('The Town of Gates Police Department signed ...')."""
    juris = normalize(agency.jurisdiction_type)
    lea = normalize(agency.kind)
    if juris in _SPECIAL:
        return Jurisdiction(_core(agency.name), "special", agency.state, _SPECIAL[juris])
    if juris in ("state", "statewide") or lea in ("state police", "highway patrol"):
        return Jurisdiction(agency.state, "state", agency.state)
    if juris == "regional" or "regional" in normalize(agency.name).split():
        return Jurisdiction(_core(agency.name), "regional", agency.state)
    county_named = _core(agency.name).endswith((" County", " Parish"))
    if juris in ("county", "parish", "borough") or lea == "sheriff" or county_named:
        return _county(agency)
    if juris not in ("municipal", ""):
        return Jurisdiction(_core(agency.name), "other", agency.state)  # federal, territory ...
    return _municipal(agency, summary)


def _core(name: str) -> str:
    """The agency's name without its force words: 'Gates Police Department' -> 'Gates'."""
    name = " ".join(name.replace(",", " ").split())
    while True:
        shorter = _FORCE.sub("", name).strip()
        if shorter == name or not shorter:
            return name
        name = shorter


def _county(agency: Agency) -> Jurisdiction:
    named = _COUNTY_IN_NAME.match(_core(agency.name))
    county = named[1] if named else next(iter(split_counties(agency.county)), "")
    if not county:
        county = _core(agency.name)
    if agency.state == "LA" and not county.endswith("Parish"):
        county = county.removesuffix(" County") + " Parish"
    if agency.state == "AK":
        return Jurisdiction(county, "alaska-borough", agency.state)
    if county.endswith("Parish"):
        return Jurisdiction(county, "parish", agency.state)
    if not county.endswith(("County", "Borough")):
        county = f"{county} County"
    return Jurisdiction(county, "county", agency.state)


def _municipal(agency: Agency, summary: str) -> Jurisdiction:
    core = _core(agency.name)
    of_kind = _OF_KIND.match(core)
    if of_kind:
        return Jurisdiction(of_kind[2], of_kind[1].lower(), agency.state)
    suffix = _KIND_SUFFIX.match(core)
    if suffix:
        base, word = suffix[1], suffix[2].lower()
        # "Kansas City" and "Elk Grove Village" are names; "Upper Darby Township",
        # "Baldwin Borough", New York's "Brighton Town" and Utah's "Sandy City" are kinds.
        if word in ("township", "borough") or (
            word in ("town", "village") and agency.state == "NY"
        ):
            return Jurisdiction(base, word, agency.state)
        if word == "city" and normalize(base) == normalize(agency.city):
            return Jurisdiction(base, "city", agency.state)
    said = _SUMMARY_KIND.match(" ".join(summary.split()))
    if said and normalize(summary).startswith(f"the {said[1].lower()} of {normalize(core)} "):
        return Jurisdiction(core, said[1].lower(), agency.state)
    return Jurisdiction(core, MUNICIPALITY, agency.state)

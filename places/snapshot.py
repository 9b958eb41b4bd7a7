"""An immutable snapshot of every known place and the look-up structures over it.

Built in one go from the agencies and the jurisdictions of local laws; the index swaps
a whole new snapshot in on reload, so a reader never sees half an update.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from lexicon.names import normalize, split_counties
from lexicon.states import STATES
from places.jurisdiction import COUNTY_KINDS, MUNICIPALITY, jurisdiction_of
from places.names import trigrams
from storage.facts.models import Agency, AgencyName, LawPlace


@dataclass(frozen=True)
class Place:
    """A city, county or agency on record. `agency_ids` are the agencies there (may be none)."""

    label: str  # 'Greenfield, WI', 'Milwaukee County, WI', 'Miami Police Department, OK'
    kind: str  # 'city', 'county' or 'agency'
    city: str
    county: str  # may list several, comma-separated, as the Atlas does
    state: str
    agency_ids: tuple[int, ...] = ()

    @property
    def counties(self) -> tuple[str, ...]:
        return tuple(c for c in split_counties(self.county))

    @property
    def state_name(self) -> str:
        return STATES.get(self.state, self.state)


@dataclass(frozen=True)
class Snapshot:
    places: tuple[Place, ...]
    by_name: dict[str, tuple[Place, ...]]
    names: list[str]  # name id -> normalised name
    grams: dict[str, list[int]]  # trigram -> name ids
    names_by_state: dict[str, list[int]]
    label_keys: list[str]  # sorted normalised labels, for prefix search
    labelled: list[Place]  # the place of each label key
    county_index: dict[tuple[str, str], Place]
    state_codes: frozenset[str] = field(default_factory=frozenset)
    # Per-state trigram postings: filled by `index_every_state` when a full index is built
    # (chat serving), else the first time a state is searched.
    _by_state: dict[str, dict[str, list[int]]] = field(default_factory=dict, repr=False)

    @classmethod
    def empty(cls) -> Snapshot:
        return build_snapshot([], [])

    def places_named(self, name: str, state: str | None) -> tuple[Place, ...]:
        found = self.by_name.get(name, ())
        return tuple(p for p in found if p.state == state) if state else found

    def postings(self, state: str | None) -> dict[str, list[int]]:
        if not state:
            return self.grams
        cached = self._by_state.get(state)
        if cached is None:
            built: defaultdict[str, list[int]] = defaultdict(list)
            for name_id in self.names_by_state.get(state, ()):
                for gram in trigrams(self.names[name_id]):
                    built[gram].append(name_id)
            cached = self._by_state[state] = dict(built)
        return cached

    def index_every_state(self) -> None:
        """Build every state's postings now, so that no member's first typo in a state pays
        for it (tens of ms on a large database) inside a 3-second chat deadline."""
        for state in self.names_by_state:
            self.postings(state)

    def query_grams(self, name: str) -> set[str]:
        return trigrams(name)

    def counties_of(self, place: Place) -> list[Place]:
        found = (
            self.county_index.get((normalize(county_name(c, place.state)), place.state))
            for c in place.counties
        )
        return [p for p in found if p is not None]


@dataclass
class _Group:
    display: str
    state: str
    agency_ids: list[int] = field(default_factory=list)
    counties: Counter[str] = field(default_factory=Counter)


def build_snapshot(
    agencies: list[Agency], law_places: list[LawPlace], names: Iterable[AgencyName] = ()
) -> Snapshot:
    """`names`: the other cities and aliases agencies are found by (an agency belongs to
    every city its rows name; an alias that is another agency's name joins that place)."""
    cities: dict[tuple[str, str], _Group] = {}
    counties: dict[tuple[str, str], _Group] = {}
    places: list[Place] = []
    named: dict[tuple[str, str], int] = {}  # (name, state) -> its first agency place
    by_id = {agency.id: agency for agency in agencies}
    for agency in agencies:
        named.setdefault((normalize(agency.name), agency.state), len(places))
        places.append(_agency_place(agency, agency.name))
        _add_to_city(cities, agency, agency.city)
        for own in _own_names(agency):
            _add_to_city(cities, agency, own)
        named_county = _own_county(agency)
        if named_county:
            group = _group(counties, named_county, agency.state)
            if agency.id not in group.agency_ids:
                group.agency_ids.append(agency.id)
        for county in split_counties(agency.county):
            _group(counties, county_name(county, agency.state), agency.state).agency_ids.append(
                agency.id
            )
    for other in names:
        found = by_id.get(other.agency_id)
        if found is None:
            continue
        if other.kind == "city":
            _add_to_city(cities, found, other.name)
        else:
            _add_alias(places, named, found, other.name)
    for law in law_places:
        if law.level == "city" and normalize(law.city):
            group = _group(cities, law.city, law.state)
            if law.county:
                group.counties[law.county] += 1
        elif law.level == "county" and normalize(law.county):
            _group(counties, county_name(law.county, law.state), law.state)
    places.extend(_city_place(g) for g in cities.values())
    county_places = {key: _county_place(g) for key, g in counties.items()}
    places.extend(county_places.values())
    return _index(tuple(places), county_places)


_COUNTY_WORDS = frozenset({"county", "parish", "borough", "municipality", "area", "city"})


def county_name(county: str, state: str) -> str:
    """A County cell as a county's name: the Atlas's 'Hamilton' (OH) is Hamilton County, and
    must not be a second 'Hamilton, OH' beside the city."""
    words = normalize(county).split()
    if not words or words[-1] in _COUNTY_WORDS:
        return county
    return f"{county} {'Parish' if state == 'LA' else 'County'}"


def _label(name: str, state: str) -> str:
    return f"{name}, {state}" if state else name


def _add_to_city(cities: dict[tuple[str, str], _Group], agency: Agency, city: str) -> None:
    if not normalize(city):
        return
    group = _group(cities, city, agency.state)
    if agency.id not in group.agency_ids:
        group.agency_ids.append(agency.id)
        group.counties[agency.county] += 1


_LOCAL_KINDS = frozenset({"city", "town", "village", "borough", "township", MUNICIPALITY})


def _own_names(agency: Agency) -> tuple[str, ...]:
    """The names of the municipality an agency serves ('Gates' for the Gates police, whose
    Atlas City is its Rochester mailing address): it is found by them too."""
    j = jurisdiction_of(agency)
    if j.kind in COUNTY_KINDS or j.kind not in _LOCAL_KINDS:
        return ()
    return tuple(n for n in j.finding_names if normalize(n) != normalize(agency.name))


def _own_county(agency: Agency) -> str:
    """The county a county agency's name gives ('Athens-Clarke County'), found like one."""
    j = jurisdiction_of(agency)
    return j.name if j.kind in COUNTY_KINDS else ""


def _agency_place(agency: Agency, name: str) -> Place:
    return Place(
        _label(name, agency.state), "agency", agency.city, agency.county, agency.state,
        (agency.id,),
    )  # fmt: skip


def _add_alias(
    places: list[Place], named: dict[tuple[str, str], int], agency: Agency, alias: str
) -> None:
    """An alias is found like a name; where it is another agency's name, that place lists
    both ('Kalamazoo Township Police Department, MI' is also what the Atlas called the
    Kalamazoo Department of Public Safety)."""
    key = (normalize(alias), agency.state)
    at = named.get(key)
    if at is None:
        named[key] = len(places)
        places.append(_agency_place(agency, alias))
    elif agency.id not in places[at].agency_ids:
        known = places[at]
        places[at] = dataclasses.replace(known, agency_ids=(*known.agency_ids, agency.id))


def _group(groups: dict[tuple[str, str], _Group], display: str, state: str) -> _Group:
    key = (normalize(display), state)
    if key not in groups:
        groups[key] = _Group(" ".join(display.split()), state)
    return groups[key]


def _city_place(group: _Group) -> Place:
    county = group.counties.most_common(1)[0][0] if group.counties else ""
    label = f"{group.display}, {group.state}" if group.state else group.display
    return Place(label, "city", group.display, county, group.state, tuple(group.agency_ids))


def _county_place(group: _Group) -> Place:
    label = f"{group.display}, {group.state}" if group.state else group.display
    ids = tuple(dict.fromkeys(group.agency_ids))
    return Place(label, "county", "", group.display, group.state, ids)


def _index(places: tuple[Place, ...], county_index: dict[tuple[str, str], Place]) -> Snapshot:
    named: defaultdict[str, list[Place]] = defaultdict(list)
    keyed: list[tuple[str, int]] = []
    for i, place in enumerate(places):
        name = normalize(place.label.rsplit(",", 1)[0] if place.state else place.label)
        named[name].append(place)
        # Same as normalize(place.label): the label is the name, a comma and the state.
        keyed.append((f"{name} {normalize(place.state)}".strip(), i))
    keyed.sort()
    names = list(named)
    grams: defaultdict[str, list[int]] = defaultdict(list)
    by_state: defaultdict[str, list[int]] = defaultdict(list)
    for name_id, name in enumerate(names):
        for gram in trigrams(name):
            grams[gram].append(name_id)
        for state in {p.state for p in named[name]}:
            by_state[state].append(name_id)
    return Snapshot(
        places=places,
        by_name={name: tuple(found) for name, found in named.items()},
        names=names,
        grams=dict(grams),
        names_by_state=dict(by_state),
        label_keys=[key for key, _ in keyed],
        labelled=[places[i] for _, i in keyed],
        county_index={(name, state): p for (name, state), p in county_index.items()},
        state_codes=frozenset(p.state for p in places if len(p.state) == 2),
    )

"""What a fact is about, as keys shared by the audit log, follows and notifications.

'city:greenfield:WI', 'county:milwaukee county:WI', 'county-wide:milwaukee county:WI',
'state:VA', 'company:amazon'. A member who follows a city is told about changes to its
agencies' facts, its city's laws, its county's laws (county-wide) and its state's laws; a
member who follows a county, about its agencies and its county laws.
"""

from __future__ import annotations

from collections.abc import Iterable

from lexicon.names import normalize, split_counties


def city_key(city: str, state: str) -> str:
    return f"city:{normalize(city)}:{state}"


def county_key(county: str, state: str) -> str:
    return f"county:{normalize(county)}:{state}"


def county_wide_key(county: str, state: str) -> str:
    """A county law reaches every city in the county; an agency's facts do not."""
    return f"county-wide:{normalize(county)}:{state}"


def state_key(state: str) -> str:
    return f"state:{state}"


def company_key(slug: str) -> str:
    return f"company:{slug}"


def county_keys(county_text: str, state: str) -> tuple[str, ...]:
    return tuple(county_key(c, state) for c in split_counties(county_text))


def county_wide_keys(county_text: str, state: str) -> tuple[str, ...]:
    return tuple(county_wide_key(c, state) for c in split_counties(county_text))


def agency_subjects(city: str, county: str, state: str) -> tuple[str, ...]:
    """An agency's facts concern its city and each county it lists."""
    keys = [city_key(city, state)] if normalize(city) else []
    keys.extend(county_keys(county, state))
    return tuple(keys)


def law_subjects(level: str, city: str, county: str, state: str) -> tuple[str, ...]:
    if level in ("city", "agency") and normalize(city):
        return (city_key(city, state),)
    if level == "county" and normalize(county):
        return county_key(county, state), county_wide_key(county, state)
    return (state_key(state),) if state else ()


def encode_keys(keys: Iterable[str]) -> str:
    """'|k1|k2|' so that SQL can test membership with instr()."""
    keys = list(keys)
    return "|" + "|".join(keys) + "|" if keys else ""

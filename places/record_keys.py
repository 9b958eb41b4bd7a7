"""The keys a governing body and officials are recorded under (/facts set-body, /facts
add-official) and found by (letters, /contact): the key a place is followed under
('city:gates:NY', 'county:king county:WA'), or one agency's own ('agency:12').

A letter about the Gates police looks for the agency's own record first (a state board
that governs one force), then its jurisdiction's (the Town of Gates): never its mailing
town's (Rochester)."""

from __future__ import annotations

from places.jurisdiction import Jurisdiction
from storage.subjects import city_key, county_key


def agency_key(agency_id: int) -> str:
    return f"agency:{agency_id}"


def jurisdiction_key(j: Jurisdiction) -> str:
    """A county (parish, borough) by its county key, a municipality by its city key: the
    keys members follow it under."""
    return county_key(j.name, j.state) if j.is_county else city_key(j.name, j.state)

"""ZIP codes typed as places, through the offline gazetteer (the pinned `zipcodes`)."""

from __future__ import annotations

import pytest

from bot.core.errors import UserError
from places.errors import NotOnRecord
from places.index import PlaceIndex
from places.zips import zip_area, zip_code
from storage.db import Database
from storage.facts.repository import FactsStore
from tests.facts_sample import load_sample


@pytest.fixture
async def index(db: Database) -> PlaceIndex:
    await load_sample(db)
    places = PlaceIndex(FactsStore(db))
    await places.reload()
    return places


def test_what_counts_as_a_zip() -> None:
    assert zip_code("53228") == "53228" and zip_code(" 53228-1234 ") == "53228"
    assert zip_code("5322") is None and zip_code("53228 WI") is None
    area = zip_area("14624")
    assert area is not None and area.names[:2] == ("Rochester", "Gates") and area.state == "NY"
    assert zip_area("00000") is None


async def test_a_zip_finds_its_place_or_says_what_it_is(index: PlaceIndex) -> None:
    match = index.match("74354")  # Miami, OK: the state comes with the ZIP
    assert match.place.label == "Miami, OK" and match.via == "ZIP 74354 is Miami, OK."
    assert index.exact("33128").label == "Miami, FL"
    with pytest.raises(NotOnRecord, match=r"Canon City, CO \(Fremont County\): a real place"):
        index.match("81212")
    with pytest.raises(NotOnRecord, match="not a US ZIP code"):
        index.match("00000")


async def test_a_zip_spanning_places_asks_which(index: PlaceIndex) -> None:
    # 53228's post office is Milwaukee; USPS also accepts Greenfield: both are on record.
    with pytest.raises(UserError, match="ZIP 53228 covers several places on record: Milwaukee"):
        index.match("53228")

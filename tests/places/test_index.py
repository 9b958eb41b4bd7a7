from __future__ import annotations

import pytest

from bot.core.errors import UserError
from lexicon.names import normalize
from lexicon.states import state_code
from places.index import PlaceIndex
from places.names import readings
from storage.db import Database
from storage.facts.repository import FactsStore
from storage.facts.write import upsert_agency
from storage.sql import Conn
from tests.facts_sample import load_sample


@pytest.fixture
async def index(db: Database) -> PlaceIndex:
    await load_sample(db)
    places = PlaceIndex(FactsStore(db))
    await places.reload()
    return places


def test_normalize_and_states() -> None:
    assert normalize("  St. Louis  County ") == "st louis county"
    assert normalize("Saint Louis") == "st louis"
    assert normalize("Sheriff’s Office") == "sheriffs office"
    assert normalize("Bogotá") == "bogota"
    assert state_code("wi") == "WI"
    assert state_code("Wisconsin") == "WI"
    assert state_code("new  york") == "NY"
    assert state_code("XX") is None
    assert readings("Miami OK")[0].state == "OK"
    assert readings("Kansas City")[-1].name == "kansas city"
    assert readings("Ogle County, Winnebago County")[0].state is None


@pytest.mark.parametrize(
    "typed",
    [
        "Greenfield, WI",
        "Greenfield WI",
        "greenfield, wisconsin",
        "GREENFIELD   Wisconsin",
    ],
)
async def test_city_forms_resolve_exactly(index: PlaceIndex, typed: str) -> None:
    match = index.match(typed)
    assert match.exact
    assert match.place.label == "Greenfield, WI"
    assert match.place.kind == "city"
    assert match.place.county == "Milwaukee County"


async def test_typos_are_tolerated_and_flagged(index: PlaceIndex) -> None:
    for typed in (
        "Greenfeild, WI",
        "Grenfield WI",
        "greenfield, wisconson",
        "Greenfield Wisconson",
    ):
        match = index.match(typed)
        assert match.place.label == "Greenfield, WI", typed
        assert not match.exact
    assert index.resolve("West Alis, WI").label == "West Allis, WI"
    # Two letters swapped in a short name: WRatio scores it 60, one edit says typo.
    assert index.match("Maimi, FL").place.label == "Miami, FL"
    with pytest.raises(UserError, match="Miami, FL; Miami, OK"):
        index.resolve("Maimi")  # one slip from Miami, which is in two states


async def test_agency_names_and_counties(index: PlaceIndex) -> None:
    agency = index.resolve("Greenfield Police Department, WI")
    assert agency.kind == "agency" and agency.state == "WI" and len(agency.agency_ids) == 1
    county = index.resolve("Milwaukee County, WI")
    assert county.kind == "county" and len(county.agency_ids) == 3
    assert index.resolve("milwaukee county").label == "Milwaukee County, WI"
    assert index.resolve("Saint Louis County, MO").kind == "county"
    assert [c.label for c in index.counties_of(index.resolve("West Allis, WI"))] == [
        "Milwaukee County, WI"
    ]


async def test_ambiguous_city_lists_candidates(index: PlaceIndex) -> None:
    with pytest.raises(UserError) as caught:
        index.resolve("Miami")
    message = caught.value.message
    assert "Miami, FL" in message and "Miami, OK" in message and "\n" not in message
    assert index.resolve("Miami OK").state == "OK"
    assert index.resolve("Miami, Florida").state == "FL"
    with pytest.raises(UserError, match="Greenfield Police Department, IN"):
        index.resolve("Greenfield Police Department")


async def test_unknown_place_says_so_and_suggests(index: PlaceIndex) -> None:
    with pytest.raises(UserError) as caught:
        index.resolve("Zzyzx, CA")
    assert "No place called 'Zzyzx, CA'" in caught.value.message
    with pytest.raises(UserError, match=r"Did you mean: .*Milwaukee"):
        index.resolve("Milwoky")
    with pytest.raises(UserError, match="Type a place"):
        index.resolve("  ,, ")


async def test_law_only_places_resolve(index: PlaceIndex) -> None:
    king = index.resolve("King County, WA")
    assert king.kind == "county" and king.agency_ids == ()


async def test_empty_index_gives_a_clear_message(db: Database) -> None:
    places = PlaceIndex(FactsStore(db))
    await places.reload()
    with pytest.raises(UserError, match="empty"):
        places.resolve("Greenfield, WI")
    assert places.suggest("Gre") == []
    assert len(PlaceIndex()) == 0


async def test_reload_sees_new_facts(db: Database) -> None:
    places = PlaceIndex(FactsStore(db))
    await places.reload()
    assert len(places) == 0
    await load_sample(db)
    await places.reload()
    assert places.resolve("Somerville, MA").kind == "city"


async def test_suggest_prefix_first_then_fuzzy(index: PlaceIndex) -> None:
    labels = [c.label for c in index.suggest("Green")]
    assert labels[:2] == ["Greenfield, IN", "Greenfield, WI"]  # cities before agencies
    assert all(label.lower().startswith("green") for label in labels)
    fuzzy = [c.label for c in index.suggest("Grenfeld")]
    assert "Greenfield, WI" in fuzzy
    assert index.suggest("Miami, O")[0].value == "Miami, OK"
    assert index.suggest("") == []
    assert len(index.suggest("g", limit=3)) == 3
    for choice in index.suggest("Greenfield"):
        assert index.resolve(choice.value).label == choice.label  # a choice always resolves


async def test_suggest_never_exceeds_25(db: Database) -> None:
    from storage.facts import write as w

    async def many(conn):  # type: ignore[no-untyped-def]
        for n in range(60):
            await w.upsert_agency(conn, f"Springfield {n} Police Department", "IL",
                                  city=f"Springfield {n}")  # fmt: skip

    await db.write(many)
    places = PlaceIndex(FactsStore(db))
    await places.reload()
    assert len(places.suggest("Springfield")) == 25
    assert len(places.suggest("Springfeld")) == 25


async def test_ambiguity_example_names_a_state(db: Database) -> None:
    async def job(conn: Conn) -> None:
        # The Atlas has a Springfield whose state is unknown ('NA'); it must not be the example.
        for state in ("", "IL", "MA"):
            await upsert_agency(conn, "Springfield Police Department", state, city="Springfield")

    await db.write(job)
    places = PlaceIndex(FactsStore(db))
    await places.reload()
    with pytest.raises(UserError, match=r"Say which, e\.g\. Springfield, (IL|MA)\."):
        places.resolve("Springfield")


async def test_other_cities_and_aliases_find_an_agency(db: Database) -> None:
    async def job(conn: Conn) -> None:
        dps = await upsert_agency(
            conn, "Kalamazoo Department of Public Safety", "MI", city="Kalamazoo"
        )
        await upsert_agency(
            conn, "Kalamazoo Township Police Department", "MI", city="Kalamazoo",
            county="Kalamazoo",
        )  # fmt: skip
        await conn.executemany(
            "INSERT INTO agency_names (agency_id, kind, name) VALUES (?, ?, ?)",
            [(dps, "alias", "Kalamazoo Township Police Department"), (dps, "city", "Portage")],
        )

    await db.write(job)
    index = PlaceIndex(FactsStore(db))
    await index.reload()
    both = index.resolve("Kalamazoo Township Police Department, MI")
    assert len(both.agency_ids) == 2  # the alias joins the agency of that name
    assert (
        index.resolve("Portage, MI").agency_ids
        == index.resolve("Kalamazoo Department of Public Safety, MI").agency_ids
    )
    # A County cell without 'County' ('Kalamazoo') is Kalamazoo County, not a second
    # 'Kalamazoo, MI' beside the city.
    assert index.resolve("Kalamazoo, MI").kind == "city"
    assert index.resolve("Kalamazoo County, MI").kind == "county"

from __future__ import annotations

from storage import facts
from storage.db import Database
from storage.facts_models import RING_TECHNOLOGY
from tests.facts_sample import load_sample


async def test_empty_database_reads_as_empty(db: Database) -> None:
    assert await facts.companies_with_status(db) == []
    assert await facts.company_by_alias(db, "amazon") is None
    assert await facts.ring_counts_by_state(db) == []
    assert await facts.all_agencies(db) == []
    assert await facts.datasets(db) == {}
    assert await facts.deployments_for_agencies(db, []) == []


async def test_company_by_alias_is_case_and_space_insensitive(db: Database) -> None:
    await load_sample(db)
    for typed in ("amazon", "AWS", "  Amazon   Rekognition "):
        company = await facts.company_by_alias(db, typed)
        assert company is not None and company.slug == "amazon", typed
    assert await facts.company_by_alias(db, "amazonian") is None


async def test_timeline_is_dated_and_sourced(db: Database) -> None:
    await load_sample(db)
    amazon = await facts.company_by_alias(db, "amazon")
    assert amazon is not None
    events = await facts.company_timeline(db, amazon.id)
    assert [e.happened for e in events] == ["2020-06-10", "2021-05-18"]
    assert events[1].source.publisher == "Reuters"
    assert events[1].source.url == "https://news.example/amazon"


async def test_current_status_is_the_latest_event_with_a_status(db: Database) -> None:
    await load_sample(db)
    statuses = {s.company.slug: s for s in await facts.companies_with_status(db)}
    assert set(statuses) == {"acme", "amazon", "meta", "ring"}
    amazon = statuses["amazon"].latest
    assert amazon is not None and amazon.status == "Moratorium extended indefinitely"
    assert statuses["acme"].latest is None
    meta = statuses["meta"].latest
    assert meta is not None and meta.precision == "month"


async def test_deployments_for_agencies_by_technology(db: Database) -> None:
    await load_sample(db)
    agencies = {(a.name, a.state): a for a in await facts.all_agencies(db)}
    greenfield = agencies[("Greenfield Police Department", "WI")]
    miami = agencies[("Miami Police Department", "FL")]
    ring = await facts.deployments_for_agencies(db, [greenfield.id, miami.id], RING_TECHNOLOGY)
    assert [(d.agency.name, d.started) for d in ring] == [
        ("Greenfield Police Department", "2019-03-05")
    ]
    everything = await facts.deployments_for_agencies(db, [greenfield.id, miami.id])
    assert {d.technology for d in everything} == {RING_TECHNOLOGY, "Face Recognition"}


async def test_ring_counts(db: Database) -> None:
    await load_sample(db)
    by_state = {c.key: c.count for c in await facts.ring_counts_by_state(db)}
    assert by_state == {"WI": 2, "MA": 1}
    by_year = {c.key: c.count for c in await facts.ring_counts_by_year(db)}
    assert by_year == {"2019": 2, "2020": 1}
    assert {c.key: c.count for c in await facts.ring_counts_by_year(db, "WI")} == {
        "2019": 1,
        "2020": 1,
    }
    assert await facts.ring_ended_count(db) == 1
    assert await facts.ring_ended_count(db, "WI") == 0


async def test_laws_for_place_takes_city_county_and_state(db: Database) -> None:
    await load_sample(db)
    somerville = await facts.laws_for_place(db, "MA", "Somerville", ["Middlesex County"])
    assert [law.jurisdiction for law in somerville] == ["Somerville, MA", "Massachusetts"]
    boston = await facts.laws_for_place(db, "MA", "Boston", ["Suffolk County"])
    assert [law.jurisdiction for law in boston] == ["Massachusetts"]
    king = await facts.laws_for_place(db, "WA", "Seattle", ["King County"])
    assert [law.jurisdiction for law in king] == ["King County, WA"]
    virginia = await facts.laws_in_state(db, "VA")
    assert virginia[0].status == "reversed" and virginia[0].status_changed == "2022-07-01"


async def test_law_places_and_datasets(db: Database) -> None:
    await load_sample(db)
    places = {(p.level, p.city, p.county, p.state) for p in await facts.law_places(db)}
    assert places == {("city", "Somerville", "", "MA"), ("county", "", "King County", "WA")}
    atlas = (await facts.datasets(db))["eff-atlas"]
    assert atlas.as_of == "2020-10-07"

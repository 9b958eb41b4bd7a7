from __future__ import annotations

from storage.db import Database
from storage.facts import write as w
from storage.facts.models import RING_TECHNOLOGY, RingTotals
from storage.facts.repository import FactsStore
from storage.sql import Conn
from tests.facts_sample import load_sample


async def test_empty_database_reads_as_empty(db: Database) -> None:
    assert await FactsStore(db).companies_with_status() == []
    assert await FactsStore(db).company_by_alias("amazon") is None
    assert await FactsStore(db).ring_counts_by_state() == []
    assert await FactsStore(db).all_agencies() == []
    assert await FactsStore(db).datasets() == {}
    assert await FactsStore(db).deployments_for_agencies([]) == []


async def test_company_by_alias_is_case_and_space_insensitive(db: Database) -> None:
    await load_sample(db)
    for typed in ("amazon", "AWS", "  Amazon   Rekognition "):
        company = await FactsStore(db).company_by_alias(typed)
        assert company is not None and company.slug == "amazon", typed
    assert await FactsStore(db).company_by_alias("amazonian") is None


async def test_timeline_is_dated_and_sourced(db: Database) -> None:
    await load_sample(db)
    amazon = await FactsStore(db).company_by_alias("amazon")
    assert amazon is not None
    events = await FactsStore(db).company_timeline(amazon.id)
    assert [e.happened for e in events] == ["2020-06-10", "2021-05-18"]
    assert events[1].source.publisher == "Reuters"
    assert events[1].source.url == "https://news.example/amazon"


async def test_current_status_is_the_latest_event_with_a_status(db: Database) -> None:
    await load_sample(db)
    statuses = {s.company.slug: s for s in await FactsStore(db).companies_with_status()}
    assert set(statuses) == {"acme", "amazon", "meta", "ring"}
    amazon = statuses["amazon"].latest
    assert amazon is not None and amazon.status == "Moratorium extended indefinitely"
    assert statuses["acme"].latest is None
    meta = statuses["meta"].latest
    assert meta is not None and meta.precision == "month"


async def test_deployments_for_agencies_by_technology(db: Database) -> None:
    await load_sample(db)
    agencies = {(a.name, a.state): a for a in await FactsStore(db).all_agencies()}
    greenfield = agencies[("Greenfield Police Department", "WI")]
    miami = agencies[("Miami Police Department", "FL")]
    ring = await FactsStore(db).deployments_for_agencies([greenfield.id, miami.id], RING_TECHNOLOGY)
    assert [(d.agency.name, d.started) for d in ring] == [
        ("Greenfield Police Department", "2019-03-05")
    ]
    everything = await FactsStore(db).deployments_for_agencies([greenfield.id, miami.id])
    assert {d.technology for d in everything} == {RING_TECHNOLOGY, "Face Recognition"}


async def test_ring_counts(db: Database) -> None:
    await load_sample(db)
    by_state = {c.key: c.count for c in await FactsStore(db).ring_counts_by_state()}
    assert by_state == {"WI": 2, "MA": 1}
    by_year = {c.key: c.count for c in await FactsStore(db).ring_counts_by_year()}
    assert by_year == {"2019": 2, "2020": 1}
    assert {c.key: c.count for c in await FactsStore(db).ring_counts_by_year("WI")} == {
        "2019": 1,
        "2020": 1,
    }
    assert await FactsStore(db).ring_totals() == RingTotals(agencies=3, rows=3, ended=1)
    assert await FactsStore(db).ring_totals("WI") == RingTotals(agencies=2, rows=2, ended=0)


async def test_ring_counts_count_agencies_not_rows(db: Database) -> None:
    """An agency whose partnership ended and began again has two rows but is one agency,
    counted in the year it first joined."""
    await load_sample(db)

    async def again(conn: Conn) -> None:
        agency = await w.upsert_agency(conn, "Somerville Police Department", "MA")
        source = await w.upsert_source(conn, "https://news.example/again", "News")
        await w.upsert_deployment(
            conn, agency, RING_TECHNOLOGY, source, "2024-06-01",
            natural_key="t:again", vendor="Ring", started="2022-03-01",
        )  # fmt: skip

    await db.write(again)
    facts = FactsStore(db)
    assert await facts.ring_totals() == RingTotals(agencies=3, rows=4, ended=1)
    assert {c.key: c.count for c in await facts.ring_counts_by_state()} == {"WI": 2, "MA": 1}
    assert {c.key: c.count for c in await facts.ring_counts_by_year()} == {"2019": 2, "2020": 1}


async def test_laws_for_place_takes_city_county_and_state(db: Database) -> None:
    await load_sample(db)
    somerville = await FactsStore(db).laws_for_place("MA", "Somerville", ["Middlesex County"])
    assert [law.jurisdiction for law in somerville] == ["Somerville, MA", "Massachusetts"]
    boston = await FactsStore(db).laws_for_place("MA", "Boston", ["Suffolk County"])
    assert [law.jurisdiction for law in boston] == ["Massachusetts"]
    king = await FactsStore(db).laws_for_place("WA", "Seattle", ["King County"])
    assert [law.jurisdiction for law in king] == ["King County, WA"]
    virginia = await FactsStore(db).laws_in_state("VA")
    assert virginia[0].status == "reversed" and virginia[0].status_changed == "2022-07-01"


async def test_law_places_and_datasets(db: Database) -> None:
    await load_sample(db)
    places = {(p.level, p.city, p.county, p.state) for p in await FactsStore(db).law_places()}
    assert places == {("city", "Somerville", "", "MA"), ("county", "", "King County", "WA")}
    atlas = (await FactsStore(db).datasets())["eff-atlas"]
    assert atlas.as_of == "2020-10-07"

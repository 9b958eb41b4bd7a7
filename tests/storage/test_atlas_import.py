"""The EFF Atlas importer against the real 2020-10-07 export (skipped when it is absent)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from storage.db import Database
from storage.facts.write import name_key
from storage.importers.atlas import RING, AtlasParse, parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.importers.dates import LooseDate
from tests.conftest import FIXED_NOW, shared_data_file

ATLAS_FILE = "eff_atlas_of_surveillance_2020-10-07.csv"


@pytest.fixture(scope="module")
def atlas_bytes() -> bytes:
    return Path(shared_data_file(ATLAS_FILE)).read_bytes()


@pytest.fixture(scope="module")
def parsed(atlas_bytes: bytes) -> AtlasParse:
    return parse_atlas(atlas_bytes)


@pytest.fixture(scope="module")
def raw_rows(atlas_bytes: bytes) -> list[dict[str, str]]:
    """The file read plainly with the csv module, to check the importer against."""
    return list(csv.DictReader(io.StringIO(atlas_bytes.decode("utf-8"), newline="")))


async def count(db: Database, table: str) -> int:
    row = await db.fetchone(f"SELECT count(*) FROM {table}")
    assert row is not None
    return int(row[0])


def test_rows_read_and_no_errors(parsed: AtlasParse) -> None:
    assert parsed.errors == []
    assert parsed.rows_read == 5784
    assert parsed.extra_columns == []


def test_distinct_ring_agencies_after_deduplication(
    parsed: AtlasParse, raw_rows: list[dict[str, str]]
) -> None:
    ring_raw = [r for r in raw_rows if r["Technology"] == RING]
    assert len(ring_raw) == 1501
    # Agencies are keyed on (name, state). Three names appear twice within Ring:
    # Kalamazoo Township PD (MI: AOS3909 4/29/19 and AOS4183 9/23/19), Oviedo City PD (FL:
    # AOS4222 10/8/19 and AOS4874 4/13/2020) and Madison PD (WI: AOS4402 12/5/2019 and
    # AOS4963 5/7/2020). Every Ring row is a partnership: AOS3909's Summary says the
    # Kalamazoo Department of Public Safety signed and AOS4963's the Town of Madison PD, so
    # those are their agencies (the Atlas's name kept as an alias); Oviedo's two rows are
    # one agency with two dates. 1,501 rows, 1,500 agencies.
    keys = Counter((name_key(r["Agency"]), r["State"].strip()) for r in ring_raw)
    repeated = {k for k, n in keys.items() if n > 1}
    assert repeated == {
        ("kalamazoo township police department", "MI"),
        ("oviedo city police department", "FL"),
        ("madison police department", "WI"),
    }
    ring = [r for r in parsed.rows if r.technology == RING]
    assert len(ring) == 1501 and len({r.agency_key for r in ring}) == 1500
    assert not {s.record_id for s in parsed.skipped} & {"AOS4183", "AOS4874", "AOS4963"}
    by_id = {r.record_id: r for r in ring}
    assert {k: (by_id[k].agency, by_id[k].started) for k in ("AOS3909", "AOS4963")} == {
        "AOS3909": ("Kalamazoo Department of Public Safety", LooseDate("2019-04-29", "day")),
        "AOS4963": ("Town of Madison Police Department", LooseDate("2020-05-07", "day")),
    }
    assert parsed.aliases[("kalamazoo department of public safety", "MI")] == (
        "Kalamazoo Township Police Department",
    )
    oviedo = [by_id[k].started for k in ("AOS4222", "AOS4874")]
    assert oviedo == [LooseDate("2019-10-08", "day"), LooseDate("2020-04-13", "day")]


def test_agency_places_every_city_its_rows_name(parsed: AtlasParse) -> None:
    places = parsed.places
    assert places[("dallas police department", "TX")] == ("Dallas",)  # not 'Dallas, Texas'
    assert places[("coral gables police department", "FL")] == ("Coral Gables",)  # 'Florida'
    assert places[("oviedo city police department", "FL")] == ("Oviedo",)  # 'Oveido' out-voted
    assert places[("mcfarland police department", "WI")] == ("McFarland",)
    assert places[("morgan hill police department", "CA")] == ("Morgan Hill",)
    assert places[("st. louis park police department", "MN")] == ("St. Louis", "St. Louis Park")
    assert "Simi Valley" in places[("ventura county sheriff's office", "CA")]


def test_all_agencies_and_duplicates(parsed: AtlasParse, raw_rows: list[dict[str, str]]) -> None:
    # 3,975 distinct (name, state) pairs once names and states are trimmed ("FL " -> FL).
    assert len({r.agency_key for r in parsed.rows}) == 3977
    # 19 rows repeat an earlier (agency, state, technology, vendor): one identical record
    # (AOS5547, Los Angeles PD face recognition) and 18 repeated pairs with another id.
    assert len(parsed.skipped) == 16
    assert Counter(s.category for s in parsed.skipped) == {
        "identical row": 1,
        "repeated agency and technology": 15,
    }
    identical = next(s for s in parsed.skipped if s.category == "identical row")
    assert identical.record_id == "AOS5547"
    assert len(parsed.rows) == len(raw_rows) - 16


def test_deployments_by_technology(parsed: AtlasParse, raw_rows: list[dict[str, str]]) -> None:
    by_tech = Counter(r.technology for r in parsed.rows)
    assert by_tech == {
        "Ring/Neighbors Partnership": 1501,
        "Body-worn Cameras": 1368,
        "Drones": 1078,
        "Automated License Plate Readers": 584,
        "Camera Registry": 397,
        "Face Recognition": 368,
        "Predictive Policing": 146,
        "Gunshot Detection": 97,
        "Fusion Center": 79,
        "Cell-site Simulator": 67,
        "Real-Time Crime Center": 58,
        "Video Analytics/Computer Vision": 25,
    }
    # ...which is the file's own count per technology minus the skipped repeats.
    tech_of = {r["AOSNUMBER"]: r["Technology"] for r in raw_rows}
    skipped = Counter(tech_of[s.record_id] for s in parsed.skipped)
    assert by_tech + skipped == Counter(r["Technology"] for r in raw_rows)


def test_ring_dates(parsed: AtlasParse) -> None:
    ring = [r for r in parsed.rows if r.technology == RING]
    from_summary = [r for r in ring if r.dated_from_summary]
    assert len(from_summary) == 170
    assert all(r.started is not None and r.started.precision == "month" for r in from_summary)
    assert all(r.source_date is None for r in from_summary)
    linked = [r.started for r in ring if not r.dated_from_summary and r.started]
    assert all(d.precision == "day" for d in linked)
    assert min(d.value for d in linked) == "2018-03-22"
    assert max(d.value for d in linked) == "2020-06-11"
    # docs/data.md counts 59 / 703 / 569 over all 1,501 rows; the three repeats skipped above
    # were dated 2019, 2020 and 2020.
    assert Counter(d.year for d in linked) == {2018: 59, 2019: 703, 2020: 569}
    assert len(linked) + len(from_summary) == len(ring)  # every Ring row has a date
    # The Summary's year never contradicts the link date.
    for row in ring:
        assert row.started is not None and str(row.started.year) in row.summary


def test_quirks_are_cleaned(parsed: AtlasParse) -> None:
    by_id = {r.record_id: r for r in parsed.rows}
    assert by_id["AOS0851"].state == ""  # 'NA' is not a state
    assert by_id["AOS4790"].vendor == "Ring"  # the Utica row named a police department
    assert {by_id["AOS0705"].state, by_id["AOS2621"].state, by_id["AOS0764"].state} == {
        "PR",
        "GU",
        "VI",
    }
    assert all(r.agency == r.agency.strip() and "\n" not in r.summary for r in parsed.rows)
    assert not any("\u200b" in r.agency or "\u200e" in r.county for r in parsed.rows)
    assert all(len(r.state) in (0, 2) for r in parsed.rows)
    assert parsed.unknown_state_rows == 1 and parsed.vendor_corrected_rows == 1


async def test_import_writes_everything_then_nothing_the_second_time(
    db: Database, parsed: AtlasParse
) -> None:
    first = await import_atlas(db, parsed, as_of="2020-10-07", imported_at=FIXED_NOW)
    assert first.rows_read == 5784
    assert (first.agencies_created, first.agencies_existing) == (3977, 0)
    assert sum(first.deployments_created.values()) == 5768
    assert first.deployments_created[RING] == 1501
    assert len(first.created.agencies) == await count(db, "agencies") == 3977
    assert len(first.created.deployments) == await count(db, "deployments") == 5768
    assert len(first.created.sources) == await count(db, "sources")
    assert first.skipped_by_reason == {"identical row": 1, "repeated agency and technology": 15}

    second = await import_atlas(db, parsed, as_of="2020-10-07", imported_at=FIXED_NOW)
    assert not (second.created.agencies or second.created.sources or second.created.deployments)
    assert (second.agencies_created, second.agencies_existing) == (0, 3977)
    assert sum(second.deployments_created.values()) == 0
    assert second.deployments_unchanged == first.deployments_created
    assert await count(db, "deployments") == 5768

    dataset = await db.fetchone("SELECT as_of, rows_read FROM datasets WHERE name = 'eff-atlas'")
    assert dataset is not None and tuple(dataset) == ("2020-10-07", 5784)


async def test_imported_facts_answer_the_questions(db: Database, parsed: AtlasParse) -> None:
    await import_atlas(db, parsed, as_of="2020-10-07", imported_at=FIXED_NOW)
    row = await db.fetchone(
        "SELECT d.started, d.started_precision, s.url, s.publisher, d.as_of FROM deployments d"
        " JOIN agencies a ON a.id = d.agency_id JOIN sources s ON s.id = d.source_id"
        " WHERE a.name = 'Greenfield Police Department' AND a.state = 'WI'"
        " AND d.technology = ?",
        (RING,),
    )
    assert row is not None
    assert row["started_precision"] == "day" and row["publisher"] == "Ring"
    assert row["as_of"] == "2020-10-07" and row["url"].startswith("https://")
    # No Ring partnership on record for these departments in the 2020 snapshot.
    # (Chicago, Houston and Los Angeles, once thought to have none, do have Ring rows in the
    # file: AOS5934, AOS3776 and AOS3950; docs/data.md.)
    for city, state in [("San Francisco", "CA"), ("Boston", "MA")]:
        none = await db.fetchone(
            "SELECT count(*) FROM deployments d JOIN agencies a ON a.id = d.agency_id"
            " WHERE a.name = ? AND a.state = ? AND d.technology = ?",
            (f"{city} Police Department", state, RING),
        )
        assert none is not None and none[0] == 0


async def test_agencies_store_their_city_of_record_and_other_names(
    db: Database, parsed: AtlasParse
) -> None:
    await import_atlas(db, parsed, as_of="2020-10-07", imported_at=FIXED_NOW)
    names = ("Coral Gables", "Dallas", "Oviedo City")
    rows = await db.fetchall(
        "SELECT name, city FROM agencies WHERE name IN (?, ?, ?)",
        [f"{name} Police Department" for name in names],
    )
    assert {r["name"]: r["city"] for r in rows} == {
        "Coral Gables Police Department": "Coral Gables",  # its first row says 'Florida'
        "Dallas Police Department": "Dallas",  # 'Dallas, Texas'
        "Oviedo City Police Department": "Oviedo",  # 'Oveido'
    }
    aliases = await db.fetchall(
        "SELECT a.name, n.name FROM agency_names n JOIN agencies a ON a.id = n.agency_id"
        " WHERE n.kind = 'alias' ORDER BY a.name"
    )
    assert [tuple(r) for r in aliases] == [
        ("Kalamazoo Department of Public Safety", "Kalamazoo Township Police Department"),
        ("Town of Madison Police Department", "Madison Police Department"),
    ]
    assert sum(len(p) for p in parsed.places.values()) == await count(db, "agency_names") - 2

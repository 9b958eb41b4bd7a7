"""The seed facts: complete, sourced, dated with precision, loaded once and idempotently."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

from storage.db import Database
from storage.seed import SEED_FILE, ensure_seed
from tests.conftest import FIXED_NOW

EVENT_KINDS = {
    "moratorium",
    "extension",
    "moratorium-ended",
    "exit",
    "restriction",
    "shutdown",
    "program",
    "settlement",
    "other",
}


async def counts(db: Database) -> dict[str, int]:
    out = {}
    for table in ("companies", "company_aliases", "company_events", "laws", "sources"):
        row = await db.fetchone(f"SELECT count(*) FROM {table}")
        assert row is not None
        out[table] = int(row[0])
    return out


def test_seed_file_is_well_formed() -> None:
    data = tomllib.loads(SEED_FILE.read_text(encoding="utf-8"))
    for entry in [*data["events"], *data["laws"]]:
        source = entry["source"]
        assert source["url"].startswith(("https://", "http://")) and source["publisher"]
    assert {e["kind"] for e in data["events"]} <= EVENT_KINDS
    keys = [e["key"] for e in data["events"]]
    assert len(keys) == len(set(keys))
    # Microsoft's June 2022 Face API restrictions (no source found) are left out; Axon's 2019
    # decision is in, now that a source (the Policing Project's release) confirms it.
    assert not any(e["key"].startswith("microsoft:2022") for e in data["events"])
    assert "axon:2019-06-27:body-camera-pause" in keys


async def test_first_start_loads_then_later_starts_do_nothing(db: Database) -> None:
    assert await ensure_seed(db, now=FIXED_NOW) is True
    first = await counts(db)
    assert first["companies"] == 8 and first["company_events"] == 28 and first["laws"] == 13
    assert await ensure_seed(db, now=FIXED_NOW) is False
    assert await counts(db) == first
    dataset = await db.fetchone("SELECT rows_read FROM datasets WHERE name = 'seed'")
    assert (
        dataset is not None and dataset["rows_read"] == 42
    )  # 28 events, 13 laws, 1 later partnership


async def test_a_changed_seed_adds_only_what_is_new(db: Database, tmp_path: Path) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    before = await counts(db)
    changed = tmp_path / "facts.toml"
    changed.write_text(SEED_FILE.read_text(encoding="utf-8") + "\n# reviewed again\n")
    assert await ensure_seed(db, path=changed, now=FIXED_NOW) is True  # new version: re-applied...
    assert await counts(db) == before  # ...but natural keys make it change nothing


async def test_aliases_and_current_status(db: Database) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    aliases = await db.fetchall(
        "SELECT a.alias, c.slug FROM company_aliases a JOIN companies c ON c.id = a.company_id"
    )
    by_alias = {r["alias"]: r["slug"] for r in aliases}
    for alias in ("aws", "amazon web services", "amazon rekognition", "rekognition"):
        assert by_alias[alias] == "amazon"
    assert by_alias["facebook"] == "meta"
    assert by_alias["neighbors"] == by_alias["amazon ring"] == "ring"
    latest = await db.fetchone(
        "SELECT e.status, e.happened, e.as_of, s.publisher FROM company_events e"
        " JOIN companies c ON c.id = e.company_id JOIN sources s ON s.id = e.source_id"
        " WHERE c.slug = 'amazon' AND e.status != '' ORDER BY e.happened DESC LIMIT 1"
    )
    assert latest is not None
    # Amazon's own terms (2024), not the broader "police use of Rekognition" of 2020-2021.
    assert latest["status"].startswith("Moratorium, in Amazon's words, on police departments'")
    assert (latest["happened"], latest["as_of"]) == ("2024-01-25", "2024-01-25")


async def test_ring_program_over_time(db: Database) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    rows = await db.fetchall(
        "SELECT e.happened, e.happened_precision, e.kind, e.status, e.confidence, s.publisher,"
        " s.url FROM company_events e JOIN companies c ON c.id = e.company_id JOIN sources s"
        " ON s.id = e.source_id WHERE c.slug = 'ring' ORDER BY e.happened"
    )
    timeline = [(r["happened"][:7], r["happened_precision"], r["kind"]) for r in rows]
    assert timeline == [
        ("2018-03", "day", "program"),
        ("2019-08", "day", "program"),
        ("2020-06", "day", "program"),
        ("2021-02", "day", "program"),  # Ring's own count of 2,014 partners by end of 2020
        ("2021-06", "day", "program"),
        ("2023-05", "day", "settlement"),  # the FTC order, dated by the FTC's press release
        ("2024-01", "day", "shutdown"),
        ("2024-03", "month", "other"),
        ("2025", "year", "program"),  # who may send Community Requests
        ("2025-04", "month", "program"),  # Axon Community Requests: the month is reported
        ("2025-10", "day", "program"),  # Flock integration announced
        ("2025-12", "month", "other"),  # Familiar Faces: Ring's consumer face recognition
        ("2026-02", "day", "program"),  # the Flock integration cancelled before launch
    ]
    assert rows[0]["publisher"].startswith("Atlas of Surveillance")
    by_month = {r["happened"][:7]: r for r in rows}
    assert by_month["2025-04"]["confidence"] == "reported"
    assert by_month["2023-05"]["url"].startswith("https://www.ftc.gov/")
    # Primary or major-outlet sources only: no staging hosts, no '?p=' links.
    assert not any("stage." in r["url"] or "?p=" in r["url"] for r in rows)


async def test_laws_with_status_changes(db: Database) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    laws = {
        r["jurisdiction"]: r
        for r in await db.fetchall(
            "SELECT jurisdiction, state, level, kind, status, status_changed, enacted,"
            " enacted_precision, as_of FROM laws"
        )
    }
    assert len(laws) == 13  # New York's 2023 school ban among them
    assert (laws["California"]["status"], laws["California"]["status_changed"]) == (
        "expired",
        "2023-01-01",
    )
    assert laws["Virginia"]["status"] == "reversed"
    assert laws["Virginia"]["status_changed"] == "2022-07-01"
    assert laws["New Orleans, LA"]["status"] == "partly-reversed"
    assert laws["Portland, ME"]["enacted"] == "2020-08-03"
    baltimore = laws["Baltimore, MD"]
    assert (baltimore["kind"], baltimore["enacted"], baltimore["status"]) == (
        "moratorium",
        "2021-08-09",
        "expired",
    )
    assert baltimore["as_of"] >= baltimore["status_changed"]  # as of after it expired
    assert laws["King County, WA"]["level"] == "county"
    assert all(len(r["state"]) == 2 for r in laws.values())


async def test_seeding_a_fresh_database_is_quick(tmp_path: Path) -> None:
    # Not a timing assert: it reports the figure and checks the load ran in one go.
    db = await Database.open(tmp_path / "fresh.db")
    try:
        started = time.perf_counter()
        assert await ensure_seed(db, now=FIXED_NOW)
        elapsed_ms = (time.perf_counter() - started) * 1000
        print(f"seed load: {elapsed_ms:.1f} ms")
        assert db.commits == 1
    finally:
        await db.close()

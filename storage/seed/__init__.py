"""The project's seed facts (`facts.toml`): companies, their dated policy events, Ring's
police program over time, and the major local laws, each with its source and as-of date.

`ensure_seed(db)` loads them on first start in one write job, keyed on natural keys, and
records the dataset 'seed' with the file's hash. Later starts see the same hash and do
nothing; a changed seed file adds its new facts and leaves existing rows alone (an admin's
correction of a seeded fact is kept).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from pathlib import Path
from typing import Any

from storage.facts.models import RING_TECHNOLOGY
from storage.facts.write import (
    add_company_event,
    record_dataset,
    upsert_agency,
    upsert_company,
    upsert_deployment,
    upsert_law,
    upsert_source,
)
from storage.importers.keys import law_key
from storage.importers.laws_backfill import fill_imported_spanish
from storage.sql import Conn, Db

SEED_FILE = Path(__file__).with_name("facts.toml")
SEED_DATASET = "seed"


def seed_version(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def _description(version: str) -> str:
    return f"Counterwatch seed facts, version {version}"


def fact_as_of(entry: dict[str, Any], *dates: str | None) -> str:
    """Explicit `as_of`, else the latest full date among the fact's own dates."""
    if entry.get("as_of"):
        return str(entry["as_of"])
    published = str(entry["source"].get("published", ""))
    candidates = [d for d in (published, *dates) if d and len(d) == 10]
    if not candidates:
        raise ValueError(f"seed fact {entry.get('key') or entry.get('jurisdiction')}: no as-of")
    return max(candidates)


async def ensure_seed(db: Db, *, now: dt.datetime, path: Path = SEED_FILE) -> bool:
    """Load the seed unless this exact version is already recorded. True if it loaded."""
    raw = path.read_bytes()
    version = seed_version(raw)
    recorded = await db.fetchone("SELECT description FROM datasets WHERE name = ?", (SEED_DATASET,))
    if recorded is not None and recorded["description"] == _description(version):
        return False
    data = tomllib.loads(raw.decode("utf-8"))
    when = now.isoformat(timespec="seconds")

    async def job(conn: Conn) -> None:
        await _load(conn, data)
        await fill_imported_spanish(conn)  # rows the laws table gave before 0021
        facts = sum(len(data.get(part, [])) for part in ("events", "laws", "partnerships"))
        newest = max(_as_ofs(data))
        await record_dataset(conn, SEED_DATASET, newest, when, facts, _description(version))

    await db.write(job)
    return True


def _as_ofs(data: dict[str, Any]) -> list[str]:
    found = [
        fact_as_of(e, e["happened"] if e.get("precision", "day") == "day" else None)
        for e in data.get("events", [])
    ]
    found += [fact_as_of(law, law.get("status_changed")) for law in data.get("laws", [])]
    return found


async def _source(conn: Conn, entry: dict[str, Any]) -> int:
    source = entry["source"]
    return await upsert_source(
        conn,
        source["url"],
        source.get("publisher", ""),
        source.get("published", ""),
        source.get("title", ""),
    )


async def _load(conn: Conn, data: dict[str, Any]) -> None:
    company_ids: dict[str, int] = {}
    for company in data.get("companies", []):
        company_ids[company["slug"]] = await upsert_company(
            conn,
            company["slug"],
            company["name"],
            tuple(company.get("aliases", ())),
            topic=company.get("topic", "face-recognition"),
        )
    for event in data.get("events", []):
        precision = event.get("precision", "day")
        await add_company_event(
            conn,
            company_ids[event["company"]],
            event["happened"],
            event["kind"],
            _text(event["summary"]),
            await _source(conn, event),
            fact_as_of(event, event["happened"] if precision == "day" else None),
            natural_key=event["key"],
            precision=precision,
            status=event.get("status", ""),
            origin="seed",
            confidence=event.get("confidence", "confirmed"),
            summary_es=_text(event.get("summary_es", "")),
            status_es=_text(event.get("status_es", "")),
        )
    for partnership in data.get("partnerships", []):
        await _partnership(conn, partnership)
    for law in data.get("laws", []):
        place = law.get("city") or law.get("county") or ""
        await upsert_law(
            conn,
            jurisdiction=law["jurisdiction"],
            state=law["state"],
            level=law["level"],
            kind=law["kind"],
            scope=law["scope"],
            enacted=law["enacted"],
            status=law["status"],
            source_id=await _source(conn, law),
            as_of=fact_as_of(law, law.get("status_changed")),
            natural_key=law_key(law["state"], law["level"], place),
            city=law.get("city", ""),
            county=law.get("county", ""),
            enacted_precision=law.get("precision", "day"),
            status_changed=law.get("status_changed"),
            status_note=law.get("status_note", ""),
            origin="seed",
            enacted_means=law.get("enacted_means", "enacted"),
            scope_es=_text(law.get("scope_es", "")),
            status_note_es=_text(law.get("status_note_es", "")),
        )


def _text(text: str) -> str:
    """A TOML string as one line (the file wraps long ones)."""
    return " ".join(text.split())


async def _partnership(conn: Conn, entry: dict[str, Any]) -> None:
    """A Ring partnership known from reporting after the 2020 snapshot (the NYPD's)."""
    agency_id = await upsert_agency(
        conn, entry["agency"], entry["state"], city=entry.get("city", ""), kind=entry["kind"]
    )
    precision = entry.get("precision", "day")
    await upsert_deployment(
        conn,
        agency_id,
        RING_TECHNOLOGY,
        await _source(conn, entry),
        fact_as_of(entry, entry["started"] if precision == "day" else None),
        natural_key=entry["key"],
        vendor="Ring",
        summary=" ".join(entry["summary"].split()),
        started=entry["started"],
        started_precision=precision,
        origin="seed",
    )

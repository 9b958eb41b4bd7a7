"""Reads of the facts tables (schema: migrations/0001_facts.sql).

Every function takes the Database and returns frozen values from `facts_models`;
all of it runs on the read-only connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from storage.db import Database
from storage.facts_models import (
    RING_TECHNOLOGY,
    Agency,
    Company,
    CompanyEvent,
    CompanyStatus,
    Count,
    Dataset,
    Deployment,
    Law,
    LawPlace,
    Source,
)
from storage.facts_write import name_key

# SQLite's default limit on bound parameters is far above this; chunks keep statements small.
_CHUNK = 500

_EVENT_COLUMNS = (
    "c.id AS c_id, c.slug, c.name AS c_name, e.happened, e.happened_precision, e.kind,"
    " e.status, e.summary, e.as_of, s.url, s.publisher, s.published, s.title"
)
_AGENCY_COLUMNS = (
    "a.id AS a_id, a.name AS a_name, a.city, a.county, a.state, a.kind AS a_kind,"
    " a.jurisdiction_type"
)
_DEPLOYMENT_SQL = (
    f"SELECT d.id, d.technology, d.vendor, d.summary, d.started, d.started_precision, d.ended,"
    f" d.as_of, {_AGENCY_COLUMNS}, s.url, s.publisher, s.published, s.title"
    " FROM deployments d JOIN agencies a ON a.id = d.agency_id JOIN sources s ON s.id = d.source_id"
)
_LAW_SQL = (
    "SELECT l.*, s.url, s.publisher, s.published, s.title"
    " FROM laws l JOIN sources s ON s.id = l.source_id"
)


def _source(row: sqlite3.Row) -> Source:
    return Source(row["url"], row["publisher"], row["published"], row["title"])


def _company(row: sqlite3.Row) -> Company:
    return Company(row["c_id"], row["slug"], row["c_name"])


def _event(row: sqlite3.Row) -> CompanyEvent:
    return CompanyEvent(
        company=_company(row),
        happened=row["happened"],
        precision=row["happened_precision"],
        kind=row["kind"],
        status=row["status"],
        summary=row["summary"],
        source=_source(row),
        as_of=row["as_of"],
    )


def _agency(row: sqlite3.Row) -> Agency:
    return Agency(
        id=row["a_id"],
        name=row["a_name"],
        city=row["city"],
        county=row["county"],
        state=row["state"],
        kind=row["a_kind"],
        jurisdiction_type=row["jurisdiction_type"],
    )


def _deployment(row: sqlite3.Row) -> Deployment:
    return Deployment(
        id=row["id"],
        agency=_agency(row),
        technology=row["technology"],
        vendor=row["vendor"],
        summary=row["summary"],
        started=row["started"],
        started_precision=row["started_precision"],
        ended=row["ended"],
        source=_source(row),
        as_of=row["as_of"],
    )


def _law(row: sqlite3.Row) -> Law:
    return Law(
        id=row["id"],
        jurisdiction=row["jurisdiction"],
        city=row["city"],
        county=row["county"],
        state=row["state"],
        level=row["level"],
        kind=row["kind"],
        scope=row["scope"],
        enacted=row["enacted"],
        enacted_precision=row["enacted_precision"],
        status=row["status"],
        status_changed=row["status_changed"],
        status_note=row["status_note"],
        source=_source(row),
        as_of=row["as_of"],
    )


# --- companies -------------------------------------------------------------------------


async def company_by_alias(db: Database, alias: str) -> Company | None:
    """The company a name or alias ('aws', 'Amazon Rekognition') stands for, exactly."""
    row = await db.fetchone(
        "SELECT c.id AS c_id, c.slug, c.name AS c_name FROM company_aliases ca"
        " JOIN companies c ON c.id = ca.company_id WHERE ca.alias = ?",
        (name_key(alias),),
    )
    return None if row is None else _company(row)


async def company_aliases(db: Database) -> list[tuple[str, Company]]:
    """Every alias with its company, for forgiving matching and autocomplete."""
    rows = await db.fetchall(
        "SELECT ca.alias, c.id AS c_id, c.slug, c.name AS c_name FROM company_aliases ca"
        " JOIN companies c ON c.id = ca.company_id ORDER BY c.name, ca.alias"
    )
    return [(row["alias"], _company(row)) for row in rows]


async def company_timeline(db: Database, company_id: int) -> list[CompanyEvent]:
    rows = await db.fetchall(
        f"SELECT {_EVENT_COLUMNS} FROM company_events e JOIN companies c ON c.id = e.company_id"
        " JOIN sources s ON s.id = e.source_id WHERE e.company_id = ? ORDER BY e.happened, e.id",
        (company_id,),
    )
    return [_event(row) for row in rows]


async def companies_with_status(db: Database) -> list[CompanyStatus]:
    """Every company, each with its latest event that carries a status (by date, then entry)."""
    rows = await db.fetchall(
        f"SELECT {_EVENT_COLUMNS} FROM companies c"
        " LEFT JOIN company_events e ON e.id = ("
        "   SELECT e2.id FROM company_events e2 WHERE e2.company_id = c.id AND e2.status <> ''"
        "   ORDER BY e2.happened DESC, e2.id DESC LIMIT 1)"
        " LEFT JOIN sources s ON s.id = e.source_id ORDER BY c.name COLLATE NOCASE"
    )
    return [
        CompanyStatus(_company(row), None if row["happened"] is None else _event(row))
        for row in rows
    ]


async def current_status(db: Database, company_id: int) -> CompanyEvent | None:
    """The latest event of one company that carries a status."""
    row = await db.fetchone(
        f"SELECT {_EVENT_COLUMNS} FROM company_events e JOIN companies c ON c.id = e.company_id"
        " JOIN sources s ON s.id = e.source_id WHERE e.company_id = ? AND e.status <> ''"
        " ORDER BY e.happened DESC, e.id DESC LIMIT 1",
        (company_id,),
    )
    return None if row is None else _event(row)


# --- agencies and deployments ----------------------------------------------------------


async def all_agencies(db: Database) -> list[Agency]:
    """Every agency; the place index is built from these."""
    rows = await db.fetchall(f"SELECT {_AGENCY_COLUMNS} FROM agencies a ORDER BY a.id")
    return [_agency(row) for row in rows]


async def deployments_for_agencies(
    db: Database, agency_ids: Iterable[int], technology: str | None = None
) -> list[Deployment]:
    """Deployments of these agencies (optionally one technology), by agency then start date."""
    ids = list(dict.fromkeys(agency_ids))
    found: list[Deployment] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = f"{_DEPLOYMENT_SQL} WHERE d.agency_id IN ({marks})"
        params: list[object] = list(chunk)
        if technology is not None:
            sql += " AND d.technology = ?"
            params.append(technology)
        found.extend(_deployment(row) for row in await db.fetchall(sql, params))
    found.sort(key=deployment_order)
    return found


def deployment_order(deployment: Deployment) -> tuple[str, str, str, int]:
    """How deployments are listed: by agency, technology, start date, then entry."""
    return (deployment.agency.name, deployment.technology, deployment.started or "", deployment.id)


async def ring_partnerships(db: Database, state: str | None = None) -> list[Deployment]:
    """Ring/Neighbors partnership rows, optionally for one state."""
    sql = f"{_DEPLOYMENT_SQL} WHERE d.technology = ?"
    params: list[object] = [RING_TECHNOLOGY]
    if state:
        sql += " AND a.state = ?"
        params.append(state)
    rows = await db.fetchall(sql + " ORDER BY a.state, a.name, d.id", params)
    return [_deployment(row) for row in rows]


async def ring_counts_by_state(db: Database) -> list[Count]:
    """Ring partnerships per state, most first."""
    rows = await db.fetchall(
        "SELECT a.state AS key, COUNT(*) AS n FROM deployments d"
        " JOIN agencies a ON a.id = d.agency_id WHERE d.technology = ?"
        " GROUP BY a.state ORDER BY n DESC, a.state",
        (RING_TECHNOLOGY,),
    )
    return [Count(row["key"], row["n"]) for row in rows]


async def ring_counts_by_year(db: Database, state: str | None = None) -> list[Count]:
    """Ring partnerships by the year they started ('' when the date is unknown)."""
    sql = (
        "SELECT COALESCE(substr(d.started, 1, 4), '') AS key, COUNT(*) AS n FROM deployments d"
        " JOIN agencies a ON a.id = d.agency_id WHERE d.technology = ?"
    )
    params: list[object] = [RING_TECHNOLOGY]
    if state:
        sql += " AND a.state = ?"
        params.append(state)
    rows = await db.fetchall(sql + " GROUP BY key ORDER BY key", params)
    return [Count(row["key"], row["n"]) for row in rows]


async def ring_ended_count(db: Database, state: str | None = None) -> int:
    sql = (
        "SELECT COUNT(*) FROM deployments d JOIN agencies a ON a.id = d.agency_id"
        " WHERE d.technology = ? AND d.ended IS NOT NULL"
    )
    params: list[object] = [RING_TECHNOLOGY]
    if state:
        sql += " AND a.state = ?"
        params.append(state)
    row = await db.fetchone(sql, params)
    return 0 if row is None else int(row[0])


async def ring_sources(db: Database, state: str | None = None, limit: int = 3) -> list[Source]:
    """The sources most Ring partnership rows cite, most used first."""
    sql = (
        "SELECT s.url, s.publisher, s.published, s.title, COUNT(*) AS n FROM deployments d"
        " JOIN agencies a ON a.id = d.agency_id JOIN sources s ON s.id = d.source_id"
        " WHERE d.technology = ?"
    )
    params: list[object] = [RING_TECHNOLOGY]
    if state:
        sql += " AND a.state = ?"
        params.append(state)
    rows = await db.fetchall(sql + " GROUP BY s.id ORDER BY n DESC, s.id LIMIT ?", [*params, limit])
    return [_source(row) for row in rows]


# --- laws ------------------------------------------------------------------------------


async def laws_for_place(
    db: Database, state: str, city: str = "", counties: Iterable[str] = ()
) -> list[Law]:
    """Laws that apply to a place: its city's, its counties', and its state's."""
    county_keys = [name_key(c) for c in counties if c.strip()]
    clauses = ["l.level = 'state'"]
    params: list[object] = [state]
    if city:
        clauses.append("(l.level IN ('city', 'agency') AND lower(l.city) = ?)")
        params.append(name_key(city))
    if county_keys:
        marks = ", ".join("?" * len(county_keys))
        clauses.append(f"(l.level = 'county' AND lower(l.county) IN ({marks}))")
        params.extend(county_keys)
    rows = await db.fetchall(
        f"{_LAW_SQL} WHERE l.state = ? AND ({' OR '.join(clauses)}) ORDER BY l.enacted, l.id",
        params,
    )
    return [_law(row) for row in rows]


async def laws_in_state(db: Database, state: str) -> list[Law]:
    rows = await db.fetchall(f"{_LAW_SQL} WHERE l.state = ? ORDER BY l.enacted, l.id", (state,))
    return [_law(row) for row in rows]


async def all_laws(db: Database) -> list[Law]:
    rows = await db.fetchall(f"{_LAW_SQL} ORDER BY l.state, l.enacted, l.id")
    return [_law(row) for row in rows]


async def law_places(db: Database) -> list[LawPlace]:
    """City and county jurisdictions that have a law, so they resolve even with no agency."""
    rows = await db.fetchall(
        "SELECT DISTINCT level, city, county, state FROM laws"
        " WHERE level IN ('city', 'county') AND state <> ''"
    )
    return [LawPlace(row["level"], row["city"], row["county"], row["state"]) for row in rows]


# --- datasets --------------------------------------------------------------------------


async def datasets(db: Database) -> dict[str, Dataset]:
    """Every named body of data ('eff-atlas', 'seed') with the date it describes."""
    rows = await db.fetchall(
        "SELECT name, as_of, imported_at, rows_read, description FROM datasets ORDER BY name"
    )
    return {
        row["name"]: Dataset(
            row["name"], row["as_of"], row["imported_at"], row["rows_read"], row["description"]
        )
        for row in rows
    }


class SqliteFacts:
    """FactsStore on SQLite."""

    def __init__(self, db: Database) -> None:
        self._db = db

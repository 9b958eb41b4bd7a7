"""How the facts tables' rows become frozen values (schema: migrations/0001_facts.sql and later)."""

from __future__ import annotations

from storage.facts.models import Agency, Company, CompanyEvent, Deployment, Law, Source
from storage.sql import Row

# SQLite's default limit on bound parameters is far above this; chunks keep statements small.
CHUNK = 500

EVENT_COLUMNS = (
    "c.id AS c_id, c.slug, c.name AS c_name, c.topic, e.happened, e.happened_precision, e.kind,"
    " e.status, e.summary, e.as_of, e.natural_key, e.confidence, e.summary_es, e.status_es,"
    " s.url, s.publisher, s.published, s.title"
)
AGENCY_COLUMNS = (
    "a.id AS a_id, a.name AS a_name, a.city, a.county, a.state, a.kind AS a_kind,"
    " a.jurisdiction_type"
)
DEPLOYMENT_SQL = (
    f"SELECT d.id, d.technology, d.vendor, d.summary, d.started, d.started_precision, d.ended,"
    f" d.as_of, {AGENCY_COLUMNS}, s.url, s.publisher, s.published, s.title"
    " FROM deployments d JOIN agencies a ON a.id = d.agency_id JOIN sources s ON s.id = d.source_id"
)
LAW_SQL = (
    "SELECT l.*, s.url, s.publisher, s.published, s.title"
    " FROM laws l JOIN sources s ON s.id = l.source_id"
)


def source_of(row: Row) -> Source:
    return Source(row["url"], row["publisher"], row["published"], row["title"])


def company_of(row: Row) -> Company:
    return Company(row["c_id"], row["slug"], row["c_name"], row["topic"])


def event_of(row: Row) -> CompanyEvent:
    return CompanyEvent(
        company=company_of(row),
        happened=row["happened"],
        precision=row["happened_precision"],
        kind=row["kind"],
        status=row["status"],
        summary=row["summary"],
        source=source_of(row),
        as_of=row["as_of"],
        key=row["natural_key"] or "",
        confidence=row["confidence"],
        summary_es=row["summary_es"],
        status_es=row["status_es"],
    )


def agency_of(row: Row) -> Agency:
    return Agency(
        id=row["a_id"],
        name=row["a_name"],
        city=row["city"],
        county=row["county"],
        state=row["state"],
        kind=row["a_kind"],
        jurisdiction_type=row["jurisdiction_type"],
    )


def deployment_of(row: Row) -> Deployment:
    return Deployment(
        id=row["id"],
        agency=agency_of(row),
        technology=row["technology"],
        vendor=row["vendor"],
        summary=row["summary"],
        started=row["started"],
        started_precision=row["started_precision"],
        ended=row["ended"],
        source=source_of(row),
        as_of=row["as_of"],
    )


def law_of(row: Row) -> Law:
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
        source=source_of(row),
        as_of=row["as_of"],
        enacted_means=row["enacted_means"],
        scope_es=row["scope_es"],
        status_note_es=row["status_note_es"],
        reported_by=row["reported_by"],
    )

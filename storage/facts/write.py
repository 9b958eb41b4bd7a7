"""Writes to the facts tables. Every function runs inside a `Database.write` job.

Upserts are keyed on natural keys so that seeding and importing twice change nothing.
"""

from __future__ import annotations

import re

from storage.sql import Conn

_SPACES = re.compile(r"\s+")


def name_key(text: str) -> str:
    """Matching key for names: lower-case, trimmed, single spaces."""
    return _SPACES.sub(" ", text.strip().lower())


async def _one_id(conn: Conn, sql: str, params: tuple[object, ...]) -> int:
    async with conn.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    if row is None:
        raise LookupError("expected a row")
    return int(row[0])


async def upsert_source(
    conn: Conn, url: str, publisher: str = "", published: str = "", title: str = ""
) -> int:
    await conn.execute(
        "INSERT INTO sources (url, publisher, published, title) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (url, publisher, published) DO NOTHING",
        (url, publisher, published, title),
    )
    return await _one_id(
        conn,
        "SELECT id FROM sources WHERE url = ? AND publisher = ? AND published = ?",
        (url, publisher, published),
    )


async def upsert_agency(
    conn: Conn,
    name: str,
    state: str,
    *,
    city: str = "",
    county: str = "",
    kind: str = "",
    jurisdiction_type: str = "",
) -> int:
    """Agencies are keyed on (name, state): 'Miami Police Department' exists in FL and OK."""
    key = name_key(name)
    await conn.execute(
        "INSERT INTO agencies (name, name_key, city, county, state, kind, jurisdiction_type)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name_key, state) DO NOTHING",
        (
            name.strip(),
            key,
            city.strip(),
            county.strip(),
            state,
            kind.strip(),
            jurisdiction_type.strip(),
        ),
    )
    return await _one_id(
        conn, "SELECT id FROM agencies WHERE name_key = ? AND state = ?", (key, state)
    )


async def upsert_deployment(
    conn: Conn,
    agency_id: int,
    technology: str,
    source_id: int,
    as_of: str,
    *,
    natural_key: str,
    vendor: str = "",
    summary: str = "",
    started: str | None = None,
    started_precision: str | None = None,
    ended: str | None = None,
    origin: str = "import",
) -> int:
    """Insert, or leave alone when `natural_key` is already there (imports are idempotent)."""
    await conn.execute(
        "INSERT INTO deployments (agency_id, technology, vendor, summary, started,"
        " started_precision, ended, source_id, as_of, origin, natural_key)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (natural_key) DO NOTHING",
        (
            agency_id,
            technology,
            vendor,
            summary,
            started,
            started_precision,
            ended,
            source_id,
            as_of,
            origin,
            natural_key,
        ),
    )
    return await _one_id(conn, "SELECT id FROM deployments WHERE natural_key = ?", (natural_key,))


async def upsert_company(
    conn: Conn,
    slug: str,
    name: str,
    aliases: tuple[str, ...] = (),
    topic: str = "face-recognition",
) -> int:
    await conn.execute(
        "INSERT INTO companies (slug, name, topic) VALUES (?, ?, ?)"
        " ON CONFLICT (slug) DO UPDATE SET topic = excluded.topic",
        (slug, name, topic),
    )
    company_id = await _one_id(conn, "SELECT id FROM companies WHERE slug = ?", (slug,))
    for alias in (slug, name, *aliases):
        await conn.execute(
            "INSERT INTO company_aliases (alias, company_id) VALUES (?, ?)"
            " ON CONFLICT (alias) DO NOTHING",
            (name_key(alias), company_id),
        )
    return company_id


async def add_company_event(
    conn: Conn,
    company_id: int,
    happened: str,
    kind: str,
    summary: str,
    source_id: int,
    as_of: str,
    *,
    natural_key: str | None = None,
    precision: str = "day",
    status: str = "",
    origin: str = "seed",
    confidence: str = "confirmed",
    summary_es: str = "",
    status_es: str = "",
) -> int:
    # A newer seed refreshes the facts it wrote itself (a better source, a corrected day);
    # anything an admin or an import wrote under the same key is left as it is.
    cursor = await conn.execute(
        "INSERT INTO company_events (company_id, happened, happened_precision, kind, status,"
        " summary, source_id, as_of, origin, natural_key, confidence, summary_es, status_es)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (natural_key) DO UPDATE SET happened = excluded.happened,"
        " happened_precision = excluded.happened_precision, kind = excluded.kind,"
        " status = excluded.status, summary = excluded.summary,"
        " source_id = excluded.source_id, as_of = excluded.as_of,"
        " confidence = excluded.confidence, summary_es = excluded.summary_es,"
        " status_es = excluded.status_es"
        " WHERE company_events.origin = 'seed' AND excluded.origin = 'seed' RETURNING id",
        (
            company_id,
            happened,
            precision,
            kind,
            status,
            summary,
            source_id,
            as_of,
            origin,
            natural_key,
            confidence,
            summary_es,
            status_es,
        ),
    )
    inserted = await cursor.fetchone()
    if inserted is not None:  # inserted, or a seed fact refreshed
        return int(inserted[0])
    return await _one_id(
        conn, "SELECT id FROM company_events WHERE natural_key = ?", (natural_key,)
    )


async def upsert_law(
    conn: Conn,
    *,
    jurisdiction: str,
    state: str,
    level: str,
    kind: str,
    scope: str,
    enacted: str,
    status: str,
    source_id: int,
    as_of: str,
    natural_key: str,
    city: str = "",
    county: str = "",
    enacted_precision: str = "day",
    status_changed: str | None = None,
    status_note: str = "",
    origin: str = "seed",
    enacted_means: str = "enacted",
    scope_es: str = "",
    status_note_es: str = "",
    reported_by: str = "",
) -> int:
    await conn.execute(
        "INSERT INTO laws (jurisdiction, jurisdiction_key, city, county, state, level, kind, scope,"
        " enacted, enacted_precision, status, status_changed, status_note, source_id, as_of,"
        " origin, natural_key, enacted_means, scope_es, status_note_es, reported_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (natural_key) DO UPDATE SET kind = excluded.kind, scope = excluded.scope,"
        " enacted = excluded.enacted, enacted_precision = excluded.enacted_precision,"
        " enacted_means = excluded.enacted_means, status = excluded.status,"
        " status_changed = excluded.status_changed, status_note = excluded.status_note,"
        " source_id = excluded.source_id, as_of = excluded.as_of, scope_es = excluded.scope_es,"
        " status_note_es = excluded.status_note_es, reported_by = excluded.reported_by"
        " WHERE laws.origin = 'seed' AND excluded.origin = 'seed'",
        (
            jurisdiction,
            name_key(jurisdiction),
            city,
            county,
            state,
            level,
            kind,
            scope,
            enacted,
            enacted_precision,
            status,
            status_changed,
            status_note,
            source_id,
            as_of,
            origin,
            natural_key,
            enacted_means,
            scope_es,
            status_note_es,
            reported_by,
        ),
    )
    return await _one_id(conn, "SELECT id FROM laws WHERE natural_key = ?", (natural_key,))


async def record_dataset(
    conn: Conn,
    name: str,
    as_of: str,
    imported_at: str,
    rows_read: int,
    description: str = "",
) -> None:
    await conn.execute(
        "INSERT INTO datasets (name, as_of, imported_at, rows_read, description)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET as_of = excluded.as_of,"
        " imported_at = excluded.imported_at, rows_read = excluded.rows_read,"
        " description = excluded.description",
        (name, as_of, imported_at, rows_read, description),
    )

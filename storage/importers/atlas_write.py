"""EFF Atlas of Surveillance: the write step.

`import_atlas(db, parsed, as_of=...)` writes a parse in ONE `Db.write` job: either
every agency, source and deployment is committed, or (on any error) nothing is.
`write_atlas(conn, parsed, as_of=...)` is the same write on a connection, for a caller's own
job (/facts import writes the rows, their audit entry and notifications as one job). Rows are
inserted with `executemany` and natural keys (`ON CONFLICT DO NOTHING`), so importing the
same file twice creates nothing. The summary lists the ids it created, for an undo.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from lexicon.i18n import N_
from lexicon.stored import store
from storage.facts.models import ATLAS_DATASET
from storage.facts.write import name_key, record_dataset
from storage.importers.atlas import AtlasParse, AtlasRow
from storage.importers.issues import ImportRefused, SkippedRow
from storage.importers.summary_lines import atlas_lines
from storage.sql import Conn, Db

log = logging.getLogger("counterwatch.import.atlas")

ATLAS_DESCRIPTION = (
    "EFF Atlas of Surveillance export (Electronic Frontier Foundation & University of"
    " Nevada, Reno Reynolds School of Journalism; CC BY 4.0 as reported)"
)


@dataclass(frozen=True)
class CreatedIds:
    agencies: tuple[int, ...]
    sources: tuple[int, ...]
    deployments: tuple[int, ...]


@dataclass(frozen=True)
class ImportSummary:
    dataset: str
    as_of: str
    rows_read: int
    agencies_created: int
    agencies_existing: int
    deployments_created: dict[str, int]  # by technology
    deployments_unchanged: dict[str, int]  # by technology: already there (same natural key)
    skipped: tuple[SkippedRow, ...]
    created: CreatedIds
    notes: tuple[str, ...]

    @property
    def skipped_by_reason(self) -> dict[str, int]:
        return dict(Counter(s.category for s in self.skipped))

    def lines(self) -> list[str]:
        """The summary as lines for the command line and chat replies, kept as structure
        (storage/importers/summary_lines.py)."""
        return atlas_lines(
            self.dataset, self.as_of, self.rows_read, (self.agencies_created,
            self.agencies_existing), self.deployments_created, self.deployments_unchanged,
            self.skipped_by_reason, self.notes,
        )  # fmt: skip


async def write_atlas(
    conn: Conn,
    parsed: AtlasParse,
    *,
    as_of: str,
    origin: str = "import",
    imported_at: dt.datetime,
    dataset: str = ATLAS_DATASET,
) -> ImportSummary:
    """Write a clean parse on `conn`, inside the caller's write job (with whatever else that
    job writes, e.g. an audit entry); raise ImportRefused (writing nothing) on errors."""
    _check(parsed, as_of)
    when = imported_at.isoformat(timespec="seconds")
    agency_ids, new_agencies = await _write_agencies(conn, parsed.rows, parsed.places)
    await _write_names(conn, parsed, agency_ids)
    source_ids, new_sources = await _write_sources(conn, parsed.rows)
    existed, new_deployments = await _write_deployments(
        conn, parsed.rows, agency_ids, source_ids, as_of, origin
    )
    await record_dataset(conn, dataset, as_of, when, parsed.rows_read, ATLAS_DESCRIPTION)
    distinct_agencies = len({row.agency_key for row in parsed.rows})
    return ImportSummary(
        dataset=dataset,
        as_of=as_of,
        rows_read=parsed.rows_read,
        agencies_created=len(new_agencies),
        agencies_existing=distinct_agencies - len(new_agencies),
        deployments_created=_by_technology(r for r in parsed.rows if r.natural_key not in existed),
        deployments_unchanged=_by_technology(r for r in parsed.rows if r.natural_key in existed),
        skipped=tuple(parsed.skipped),
        created=CreatedIds(tuple(new_agencies), tuple(new_sources), tuple(new_deployments)),
        notes=_notes(parsed),
    )


async def import_atlas(
    db: Db,
    parsed: AtlasParse,
    *,
    as_of: str,
    origin: str = "import",
    imported_at: dt.datetime,
    dataset: str = ATLAS_DATASET,
) -> ImportSummary:
    """Write a clean parse in its own write job; raise ImportRefused (writing nothing) if it
    has errors."""
    _check(parsed, as_of)  # before queueing a write job at all

    async def job(conn: Conn) -> ImportSummary:
        return await write_atlas(
            conn, parsed, as_of=as_of, origin=origin, imported_at=imported_at, dataset=dataset
        )

    summary = await db.write(job)
    log.info(
        "atlas import: %d rows, %d agencies and %d deployments created",
        summary.rows_read,
        summary.agencies_created,
        len(summary.created.deployments),
    )
    return summary


def _check(parsed: AtlasParse, as_of: str) -> None:
    if parsed.errors:
        raise ImportRefused(parsed.errors)
    dt.date.fromisoformat(as_of)  # ValueError for anything but YYYY-MM-DD


async def _max_id(conn: Conn, table: str) -> int:
    async with conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def _ids_after(conn: Conn, table: str, after: int) -> list[int]:
    # Rows are only ever added at max(id)+1, so ids above the old maximum are ours.
    async with conn.execute(f"SELECT id FROM {table} WHERE id > ? ORDER BY id", (after,)) as cur:
        return [int(r[0]) for r in await cur.fetchall()]


async def _write_agencies(
    conn: Conn, rows: list[AtlasRow], places: dict[tuple[str, str], tuple[str, ...]]
) -> tuple[dict[tuple[str, str], int], list[int]]:
    first: dict[tuple[str, str], AtlasRow] = {}
    for row in rows:
        first.setdefault(row.agency_key, row)
    before = await _max_id(conn, "agencies")
    await conn.executemany(
        "INSERT INTO agencies (name, name_key, city, county, state, kind, jurisdiction_type)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name_key, state) DO NOTHING",
        [
            (
                r.agency,
                key,
                (places.get(r.agency_key) or ("",))[0],
                r.county,
                r.state,
                r.kind,
                r.jurisdiction_type,
            )
            for (key, _), r in first.items()
        ],
    )
    created = await _ids_after(conn, "agencies", before)
    async with conn.execute("SELECT id, name_key, state FROM agencies") as cursor:
        ids = {(r[1], r[2]): int(r[0]) for r in await cursor.fetchall()}
    return ids, created


async def _write_names(
    conn: Conn, parsed: AtlasParse, agency_ids: dict[tuple[str, str], int]
) -> None:
    """Every city and alias of each agency; also for agencies already there, so importing
    the file again into an older database adds the places it lacked."""
    names = [
        (agency_ids[key], kind, name)
        for kind, named in (("city", parsed.places), ("alias", parsed.aliases))
        for key, found in named.items()
        for name in found
    ]
    await conn.executemany(
        "INSERT INTO agency_names (agency_id, kind, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        names,
    )


def _source_key(row: AtlasRow) -> tuple[str, str, str]:
    published = row.source_date.shown() if row.source_date else ""
    return row.source_url, row.source_publisher, published


async def _write_sources(
    conn: Conn, rows: list[AtlasRow]
) -> tuple[dict[tuple[str, str, str], int], list[int]]:
    keys = list(dict.fromkeys(_source_key(r) for r in rows))
    before = await _max_id(conn, "sources")
    await conn.executemany(
        "INSERT INTO sources (url, publisher, published) VALUES (?, ?, ?)"
        " ON CONFLICT (url, publisher, published) DO NOTHING",
        keys,
    )
    created = await _ids_after(conn, "sources", before)
    async with conn.execute("SELECT id, url, publisher, published FROM sources") as cursor:
        ids = {(r[1], r[2], r[3]): int(r[0]) for r in await cursor.fetchall()}
    return ids, created


async def _write_deployments(
    conn: Conn,
    rows: list[AtlasRow],
    agency_ids: dict[tuple[str, str], int],
    source_ids: dict[tuple[str, str, str], int],
    as_of: str,
    origin: str,
) -> tuple[set[str], list[int]]:
    async with conn.execute(
        "SELECT natural_key FROM deployments WHERE natural_key >= 'atlas:'"
        " AND natural_key < 'atlas;'"
    ) as cursor:
        existed = {str(r[0]) for r in await cursor.fetchall()}
    before = await _max_id(conn, "deployments")
    await conn.executemany(
        "INSERT INTO deployments (agency_id, technology, vendor, summary, started,"
        " started_precision, source_id, as_of, origin, natural_key)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (natural_key) DO NOTHING",
        [
            (
                agency_ids[(name_key(r.agency), r.state)],
                r.technology,
                r.vendor,
                r.summary,
                r.started.value if r.started else None,
                r.started.precision if r.started else None,
                source_ids[_source_key(r)],
                as_of,
                origin,
                r.natural_key,
            )
            for r in rows
            if r.natural_key not in existed
        ],
    )
    return existed, await _ids_after(conn, "deployments", before)


def _by_technology(rows: Iterable[AtlasRow]) -> dict[str, int]:
    return dict(sorted(Counter(r.technology for r in rows).items()))


def _notes(parsed: AtlasParse) -> tuple[str, ...]:
    ring_from_summary = sum(1 for r in parsed.rows if r.dated_from_summary)
    undated = sum(1 for r in parsed.rows if r.started is None)
    # (count, as shown: only the undated rows' count has ever had a comma, message)
    said = [
        (ring_from_summary, str(ring_from_summary),
         N_("note: {n} Ring/Neighbors Partnership rows dated from their Summary (month or year)")),
        (undated, f"{undated:,}", N_("note: {n} rows have no readable date (stored without one)")),
        (parsed.unreadable_dates, str(parsed.unreadable_dates),
         N_("note: {n} date cells could not be read without guessing")),
        (parsed.unknown_state_rows, str(parsed.unknown_state_rows),
         N_("note: {n} rows with state 'NA' stored with no state")),
        (parsed.vendor_corrected_rows, str(parsed.vendor_corrected_rows),
         N_("note: {n} Ring/Neighbors Partnership rows had another vendor; set to Ring")),
    ]  # fmt: skip
    notes = [store(message, n=shown) for count, shown, message in said if count]
    if parsed.extra_columns:
        ignored = ", ".join(parsed.extra_columns)
        notes.append(store(N_("note: columns ignored: {columns}"), columns=ignored))
    return tuple(notes)

"""Imports through /facts import: the rows and their audit entry in ONE write job.

The audit entry of an import lists the ids it created (not their contents: thousands of
rows), so its undo deletes exactly those with a few set-based statements.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lexicon.dates import precision_of
from lexicon.i18n import N_
from lexicon.names import normalize
from lexicon.stored import store
from storage.audit import (
    ChangeEntry,
    ChangeRefused,
    Row,
    as_row,
    record_change,
    record_created,
    record_subjects,
)
from storage.fact_edits.jobs import event_status, notify
from storage.fact_edits.models import Edit
from storage.fact_edits.present import event_on_record, law_on_record
from storage.facts.models import RING_TECHNOLOGY
from storage.facts.write import name_key
from storage.importers.facts_csv import FactRow
from storage.importers.issues import Issue
from storage.sql import Conn, returned_id
from storage.subjects import agency_subjects, company_key, law_subjects


async def dataset_row(conn: Conn, name: str) -> Row | None:
    async with conn.execute("SELECT * FROM datasets WHERE name = ?", (name,)) as cursor:
        row = await cursor.fetchone()
    return None if row is None else as_row(row)


async def _distinct(conn: Conn, sql: str, change_id: int) -> list[Any]:
    async with conn.execute(sql, (change_id,)) as cursor:
        return list(await cursor.fetchall())


async def import_subjects(conn: Conn, change_id: int) -> list[str]:
    """Places and companies whose facts an import created (from the created ids)."""
    created = "SELECT row_id FROM change_created WHERE change_id = ? AND table_name = '{}'"
    keys: list[str] = []
    for r in await _distinct(
        conn,
        "SELECT DISTINCT a.city, a.county, a.state FROM deployments d JOIN agencies a"
        f" ON a.id = d.agency_id WHERE d.id IN ({created.format('deployments')})",
        change_id,
    ):
        keys.extend(agency_subjects(r[0], r[1], r[2]))
    for r in await _distinct(
        conn,
        f"SELECT level, city, county, state FROM laws WHERE id IN ({created.format('laws')})",
        change_id,
    ):
        keys.extend(law_subjects(r[0], r[1], r[2], r[3]))
    for r in await _distinct(
        conn,
        "SELECT DISTINCT c.slug FROM company_events e JOIN companies c ON c.id = e.company_id"
        f" WHERE e.id IN ({created.format('company_events')})",
        change_id,
    ):
        keys.append(company_key(r[0]))
    return list(dict.fromkeys(keys))


async def audit_import(
    conn: Conn,
    entry: ChangeEntry,
    created: Mapping[str, tuple[int, ...]],
    edit: Edit,
) -> tuple[int, int]:
    """Record an import (and queue its notifications) inside the import's job."""
    change_id = await record_change(conn, entry)
    await record_created(conn, change_id, created)
    await record_subjects(conn, change_id, await import_subjects(conn, change_id))
    return change_id, await notify(conn, edit, change_id, entry.summary)


# --- the project's own facts CSV --------------------------------------------------------


async def _one(conn: Conn, sql: str, params: tuple[object, ...]) -> Any:
    async with conn.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    return None if row is None else row[0]


async def _insert(conn: Conn, table: str, values: dict[str, object]) -> int:
    cursor = await conn.execute(
        f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})"
        " RETURNING id",
        tuple(values.values()),
    )
    return await returned_id(cursor)


class FactRowsRefused(ChangeRefused):
    """Rows that do not fit what is on record (an unknown company, a partnership already
    there): every one of them, each with its line."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("Nothing was imported: " + "; ".join(map(str, issues[:10])) + ".")
        self.issues = issues


async def write_fact_rows(
    conn: Conn, rows: list[FactRow], *, as_of: str, origin: str
) -> dict[str, tuple[int, ...]]:
    """Insert every row or none: any row that does not fit raises ChangeRefused (with lines)."""
    created: dict[str, list[int]] = {t: [] for t in ("sources", "agencies", "deployments")}
    created |= {"company_events": [], "laws": []}
    created["already_present"] = []  # line numbers of facts on record already, not added
    errors: list[Issue] = []
    for row in rows:
        source_id = await _one(
            conn, "SELECT id FROM sources WHERE url = ? AND publisher = '' AND published = ''",
            (row.source_url,),
        )  # fmt: skip
        if source_id is None:
            source_id = await _insert(conn, "sources", {"url": row.source_url})
            created["sources"].append(source_id)
        common = {"source_id": source_id, "as_of": as_of, "origin": origin}
        if row.fact == "partnership":
            error = await _partnership(conn, row, common, created)
        elif row.fact == "event":
            company_id = await _one(
                conn,
                "SELECT company_id FROM company_aliases WHERE alias = ?",
                (name_key(row.subject),),
            )
            if company_id is None:
                error = store(N_("no company called {name}"), name=repr(row.subject[:40]))
            elif await event_on_record(conn, company_id, row.date, row.kind, row.source_url):
                created["already_present"].append(row.line)
                error = ""
            else:
                created["company_events"].append(await _insert(conn, "company_events", {
                    "company_id": company_id, "happened": row.date,
                    "happened_precision": precision_of(row.date), "kind": row.kind,
                    "status": event_status(row.kind, row.status), "summary": row.summary,
                    **common,
                }))  # fmt: skip
                error = ""
        else:
            error = await _law(conn, row, common, created)
        if error:
            errors.append(Issue(row.line, error))  # kept as structure: said where shown
    if errors:
        raise FactRowsRefused(errors)
    return {table: tuple(ids) for table, ids in created.items()}


async def _partnership(
    conn: Conn,
    row: FactRow,
    common: dict[str, object],
    created: dict[str, list[int]],
) -> str:
    agency_id = await _one(
        conn, "SELECT id FROM agencies WHERE name_key = ? AND state = ?",
        (name_key(row.subject), row.state),
    )  # fmt: skip
    if agency_id is None and not row.create:
        return store(
            N_("no agency {name} in {state} (create=yes adds it)"),
            name=repr(row.subject[:40]), state=row.state,
        )  # fmt: skip
    if agency_id is None:
        agency_id = await _insert(conn, "agencies", {
            "name": row.subject, "name_key": name_key(row.subject), "city": row.city,
            "state": row.state,
        })  # fmt: skip
        created["agencies"].append(agency_id)
    ongoing = await _one(
        conn, "SELECT id FROM deployments WHERE agency_id = ? AND technology = ? AND ended IS NULL",
        (agency_id, RING_TECHNOLOGY),
    )  # fmt: skip
    if ongoing is not None:
        return store(
            N_("{name} already has a partnership on record ({fact})"),
            name=row.subject[:40], fact=f"D{ongoing}",
        )  # fmt: skip
    created["deployments"].append(await _insert(conn, "deployments", {
        "agency_id": agency_id, "technology": RING_TECHNOLOGY, "vendor": "Ring",
        "summary": row.summary, "started": row.date,
        "started_precision": precision_of(row.date), **common,
    }))  # fmt: skip
    return ""


async def _law(
    conn: Conn,
    row: FactRow,
    common: dict[str, object],
    created: dict[str, list[int]],
) -> str:
    from lexicon.states import STATES, state_code

    code = state_code(row.subject)
    left, _, right = row.subject.rpartition(",")
    if code:
        label, level, city, county = STATES[code], "state", "", ""
    elif left and (code := state_code(right)):
        name = left.strip()
        is_county = normalize(name).split()[-1] in ("county", "parish", "borough")
        label, level = f"{name}, {code}", "county" if is_county else "city"
        city, county = ("", name) if is_county else (name, "")
    else:
        return store(N_("jurisdiction must be 'City, ST', 'Name County, ST' or a state"))
    if await law_on_record(conn, name_key(label), row.kind, row.date, row.source_url):
        created["already_present"].append(row.line)
        return ""
    created["laws"].append(await _insert(conn, "laws", {
        "jurisdiction": label, "jurisdiction_key": name_key(label), "city": city,
        "county": county, "state": code, "level": level, "kind": row.kind,
        "scope": row.summary, "enacted": row.date,  # the row's own words; none invented
        "enacted_precision": precision_of(row.date),
        "status": row.status, **common,
    }))  # fmt: skip
    return ""

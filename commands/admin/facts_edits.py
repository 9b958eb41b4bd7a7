"""/facts add-event, /facts add-law and /facts remove."""

from __future__ import annotations

import aiosqlite

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Reply, Request
from commands.admin.common import (
    Outcome,
    author_of,
    fact_id,
    notice,
    now_stamp,
    origin_of,
    outcome_reply,
    past_date,
    run_change,
    source_url,
)
from lexicon.names import normalize
from lexicon.states import STATES, state_code
from storage import admin_facts
from storage.audit import FACT_PREFIX, ChangeEntry, ChangeRecorder, Row, snapshot
from storage.facts_write import name_key
from storage.subjects import agency_subjects, company_key, law_subjects

EVENT_KINDS = (
    "moratorium", "extension", "moratorium-ended", "exit",
    "restriction", "shutdown", "program", "settlement", "other",
)  # fmt: skip
LAW_KINDS = ("ban", "moratorium", "oversight", "regulation", "other")
LAW_STATUSES = ("in-force", "expired", "repealed", "partly-reversed", "reversed", "pending")


async def add_event(request: Request, deps: Deps) -> Reply:
    happened = past_date(deps, request.option("date"), "date")
    url = source_url(request.text("source"))
    company = await deps.storage.facts.company_by_alias(request.text("company"))
    if company is None:
        known = ", ".join(await admin_facts.company_names(deps.db)) or "none yet"
        raise UserError(f"No company called {request.text('company')[:40]!r}. Known: {known}.")
    kind, text = request.text("kind"), request.text("summary")
    status = admin_facts.event_status(kind, request.text("status"))
    summary = f"{company.name}, {happened}: {kind}: {text}"
    values = {
        "company_id": company.id,
        "happened": happened,
        "happened_precision": "day",
        "kind": kind,
        "status": status,
        "summary": text,
        "as_of": deps.today().isoformat(),
        "origin": origin_of(request),
    }
    subjects = (company_key(company.slug),)
    outcome = await _insert_fact(request, deps, "company_events", values, url, summary, subjects)
    return outcome_reply(request, outcome, url)


def parse_jurisdiction(text: str) -> tuple[str, str, str, str, str]:
    """(label, level, city, county, state) from 'Oakland, CA', 'King County, WA' or 'Virginia'."""
    typed = " ".join(text.split())
    code = state_code(typed)
    if code:
        return STATES[code], "state", "", "", code
    left, _, right = typed.rpartition(",")
    code = state_code(right) if left else None
    if code is None or not normalize(left):
        raise UserError(
            "Give the jurisdiction with its state: 'Oakland, CA', 'King County, WA' or 'Virginia'."
        )
    name = left.strip()
    if normalize(name).split()[-1] in ("county", "parish", "borough"):
        return f"{name}, {code}", "county", "", name, code
    return f"{name}, {code}", "city", name, "", code


async def add_law(request: Request, deps: Deps) -> Reply:
    enacted = past_date(deps, request.option("date"), "date")
    url = source_url(request.text("source"))
    label, level, city, county, state = parse_jurisdiction(request.text("jurisdiction"))
    kind, status = request.text("kind"), request.text("status")
    changed = request.option("changed")
    status_changed = past_date(deps, changed, "status change date") if changed else None
    if status_changed and status_changed < enacted:
        raise UserError("The status cannot change before the law was enacted.")
    if status != "in-force" and status != "pending" and not status_changed:
        raise UserError(f"A law that is {status} needs the date: changed:YYYY-MM-DD.")
    scope = request.text("scope") or f"Facial recognition {kind} ({label})"
    values: dict[str, object] = {
        "jurisdiction": label,
        "jurisdiction_key": name_key(label),
        "city": city,
        "county": county,
        "state": state,
        "level": level,
        "kind": kind,
        "scope": scope,
        "enacted": enacted,
        "enacted_precision": "day",
        "status": status,
        "status_changed": status_changed,
        "as_of": deps.today().isoformat(),
        "origin": origin_of(request),
    }
    summary = f"{label}: {kind} of {enacted}, {status}" + (
        f" since {status_changed}" if status_changed else ""
    )
    subjects = law_subjects(level, city, county, state)
    outcome = await _insert_fact(request, deps, "laws", values, url, summary, subjects)
    return outcome_reply(request, outcome, url)


async def remove_fact(request: Request, deps: Deps) -> Reply:
    table, row_id = fact_id(request.text("fact"))
    url = source_url(request.text("source"))
    label = f"{FACT_PREFIX[table]}{row_id}"
    if await admin_facts.fact(deps.db, table, row_id) is None:
        raise UserError(f"There is no fact {label} (already removed?). See /facts history.")
    at = now_stamp(deps)

    async def job(conn: aiosqlite.Connection) -> Outcome:
        rec = ChangeRecorder(conn)
        row = await snapshot(conn, table, row_id)
        subjects = await _subjects_of(conn, table, row) if row else ()
        before = await rec.delete(table, row_id)
        what = await describe(conn, table, before)
        summary = f"removed {label} ({what})"
        entry = ChangeEntry(
            author_of(request), at, "facts remove", "delete", url, summary, table, row_id, subjects
        )
        change_id, queued = await admin_facts.finish_change(
            conn, rec, entry, lambda cid, place: notice(cid, place, summary, url)
        )
        return Outcome(change_id, label, "delete", what, queued)

    outcome = await run_change(deps, job)
    return outcome_reply(request, outcome, url)


async def describe(conn: aiosqlite.Connection, table: str, row: Row) -> str:
    """A fact in a few words, for the audit summary."""
    if table == "deployments":
        agency = await admin_facts.agency_in_job(conn, int(row["agency_id"]))
        who = f"{agency['name']}, {agency['state']}" if agency else f"agency {row['agency_id']}"
        since = f" since {row['started']}" if row["started"] else ""
        ended = f", ended {row['ended']}" if row["ended"] else ""
        return f"{who}: {row['technology']}{since}{ended}"
    if table == "laws":
        return f"{row['jurisdiction']}: {row['kind']} of {row['enacted']}, {row['status']}"
    return f"{row['happened']}: {row['kind']}: {str(row['summary'])[:120]}"


async def _subjects_of(conn: aiosqlite.Connection, table: str, row: Row) -> tuple[str, ...]:
    if table == "deployments":
        agency = await admin_facts.agency_in_job(conn, int(row["agency_id"]))
        return agency_subjects(agency["city"], agency["county"], agency["state"]) if agency else ()
    if table == "laws":
        return law_subjects(row["level"], row["city"], row["county"], row["state"])
    slug = await admin_facts.company_slug(conn, int(row["company_id"]))
    return (company_key(slug),) if slug else ()


async def _insert_fact(
    request: Request,
    deps: Deps,
    table: str,
    values: dict[str, object],
    url: str,
    summary: str,
    subjects: tuple[str, ...],
) -> Outcome:
    at = now_stamp(deps)

    async def job(conn: aiosqlite.Connection) -> Outcome:
        rec = ChangeRecorder(conn)
        source_id = await rec.source(url)
        row_id = await rec.insert(table, {**values, "source_id": source_id})
        entry = ChangeEntry(
            author_of(request), at, " ".join(request.path), "create", url, summary, table, row_id,
            subjects,
        )  # fmt: skip
        change_id, queued = await admin_facts.finish_change(
            conn, rec, entry, lambda cid, place: notice(cid, place, summary, url)
        )
        return Outcome(change_id, f"{FACT_PREFIX[table]}{row_id}", "create", summary, queued)

    return await run_change(deps, job)

"""Jobs behind /facts add-event, /facts add-law, /facts set-law-status and /facts remove."""

from __future__ import annotations

from lexicon.dates import precision_of
from lexicon.i18n import N_
from lexicon.stored import Field, code, date, store
from storage.audit import FACT_PREFIX, ChangeRecorder, ChangeRefused, Row, locked_snapshot, snapshot
from storage.fact_edits.jobs import (
    TABLE_OF_KIND,
    company_slug,
    entry,
    event_status,
    finish,
    origin,
    today,
)
from storage.fact_edits.models import Edit, FactRemoval, LawStatusChange, NewEvent, NewLaw, Outcome
from storage.fact_edits.present import event_on_record, law_on_record
from storage.fact_edits.summaries import (
    body_summary,
    deployment_summary,
    law_summary,
    official_summary,
)
from storage.facts.write import name_key
from storage.sql import Conn
from storage.subjects import agency_subjects, company_key, law_subjects


async def add_event(conn: Conn, change: NewEvent) -> Outcome:
    company = change.company
    url = change.edit.source_url
    present = await event_on_record(conn, company.id, change.happened, change.kind, url)
    if present is not None:
        raise ChangeRefused(
            store(
                N_("{fact} already records this ({company}, {date}, {kind}, same source):"
                   " nothing was added."),
                fact=f"E{present}", company=company.name, date=date(change.happened),
                kind=code(change.kind),
            )
        )  # fmt: skip
    values = {
        "company_id": company.id,
        "happened": change.happened,
        "happened_precision": precision_of(change.happened),
        "kind": change.kind,
        "status": event_status(change.kind, change.status),
        "summary": change.text,
        "summary_es": change.text_es,
        "status_es": change.status_es if event_status(change.kind, change.status) else "",
        "confidence": change.confidence,
        "as_of": today(change.edit),
        "origin": origin(change.edit),
    }
    summary = store(
        N_("{company}, {date}: {kind}: {text}"),
        company=company.name, date=date(change.happened), kind=code(change.kind), text=change.text,
    )  # fmt: skip
    subjects = (company_key(company.slug),)
    return await _insert(conn, change.edit, "company_events", values, summary, subjects)


async def add_law(conn: Conn, change: NewLaw) -> Outcome:
    where = change.jurisdiction
    url = change.edit.source_url
    present = await law_on_record(conn, name_key(where.label), change.kind, change.enacted, url)
    if present is not None:
        raise ChangeRefused(
            store(
                N_("{fact} already records this ({place}, {kind} of {enacted}, same source):"
                   " nothing was added."),
                fact=f"L{present}", place=where.label, kind=code(change.kind),
                enacted=date(change.enacted),
            )
        )  # fmt: skip
    values: dict[str, object] = {
        "jurisdiction": where.label,
        "jurisdiction_key": name_key(where.label),
        "city": where.city,
        "county": where.county,
        "state": where.state,
        "level": where.level,
        "kind": change.kind,
        "scope": change.scope,
        "scope_es": change.scope_es,
        "enacted": change.enacted,
        "enacted_precision": precision_of(change.enacted),
        "status": change.status,
        "status_changed": change.status_changed,
        "as_of": today(change.edit),
        "origin": origin(change.edit),
    }
    summary = law_summary(where.label, change.kind, change.enacted, change.status)
    if change.status_changed:
        summary = store(
            N_("{place}: {kind} of {enacted}, {status} since {changed}"),
            place=where.label, kind=code(change.kind), enacted=date(change.enacted),
            status=code(change.status), changed=date(change.status_changed),
        )  # fmt: skip
    subjects = law_subjects(where.level, where.city, where.county, where.state)
    return await _insert(conn, change.edit, "laws", values, summary, subjects)


async def _insert(
    conn: Conn,
    edit: Edit,
    table: str,
    values: dict[str, object],
    summary: str,
    subjects: tuple[str, ...],
) -> Outcome:
    rec = ChangeRecorder(conn)
    source_id = await rec.source(edit.source_url)
    row_id = await rec.insert(table, {**values, "source_id": source_id})
    change = entry(edit, "create", summary, table, row_id, subjects)
    return await finish(conn, rec, change, edit, f"{FACT_PREFIX[table]}{row_id}")


async def set_law_status(conn: Conn, change: LawStatusChange) -> Outcome:
    law_id, status, changed, note = change.law_id, change.status, change.changed, change.note
    law = await locked_snapshot(conn, "laws", law_id)
    if law is None:
        raise ChangeRefused(
            store(N_("{fact} was removed meanwhile; nothing was changed."), fact=f"L{law_id}")
        )
    if law["status"] == status and law["status_changed"] == changed:
        raise ChangeRefused(
            store(
                N_("{fact} already says: {status} since {changed}."),
                fact=f"L{law_id}", status=code(status), changed=date(changed),
            )
        )  # fmt: skip
    if changed < str(law["enacted"]):
        raise ChangeRefused(
            store(
                N_("{fact} was enacted on {enacted}; its status cannot change before that."),
                fact=f"L{law_id}", enacted=date(law["enacted"]),
            )
        )  # fmt: skip
    rec = ChangeRecorder(conn)
    values = {
        "status": status,
        "status_changed": changed,
        "status_note": note,
        # The note is the admin's now: the Spanish of the old one no longer says it, and
        # the row is no longer only the IFF table's unchecked word.
        "status_note_es": "",
        "reported_by": "",
        "source_id": await rec.source(change.edit.source_url),
        "as_of": today(change.edit),
    }
    await rec.update("laws", law_id, values)
    fields: dict[str, Field] = {
        "place": law["jurisdiction"], "kind": code(law["kind"]), "enacted": date(law["enacted"]),
        "status": code(status), "changed": date(changed), "old": code(law["status"]),
    }  # fmt: skip
    if note:
        summary = store(
            N_("{place}: {kind} of {enacted} is {status} since {changed} (was {old}): {note}"),
            note=note, **fields,
        )  # fmt: skip
    else:
        summary = store(
            N_("{place}: {kind} of {enacted} is {status} since {changed} (was {old})"), **fields
        )
    subjects = law_subjects(law["level"], law["city"], law["county"], law["state"])
    entry_ = entry(change.edit, "update", summary, "laws", law_id, subjects)
    return await finish(conn, rec, entry_, change.edit, f"L{law_id}")


async def remove_fact(conn: Conn, change: FactRemoval) -> Outcome:
    table, row_id, label = TABLE_OF_KIND[change.fact.kind], change.fact.id, str(change.fact)
    rec = ChangeRecorder(conn)
    row = await locked_snapshot(conn, table, row_id)
    subjects = await _subjects_of(conn, table, row) if row else ()
    before = await rec.delete(table, row_id)
    what = await describe(conn, table, before)
    summary = store(N_("removed {fact} ({what})"), fact=label, what=what)
    entry_ = entry(change.edit, "delete", summary, table, row_id, subjects)
    return await finish(conn, rec, entry_, change.edit, label, shown=what)


async def describe(conn: Conn, table: str, row: Row) -> str:
    """A fact in a few words, for the audit summary."""
    if table == "deployments":
        agency = await snapshot(conn, "agencies", int(row["agency_id"]))
        who = (
            f"{agency['name']}, {agency['state']}"
            if agency
            else store(N_("agency {id}"), id=str(row["agency_id"]))
        )
        return deployment_summary(who, row["technology"], row["started"], row["ended"])
    if table == "laws":
        return law_summary(row["jurisdiction"], row["kind"], row["enacted"], row["status"])
    if table == "governing_bodies":
        return body_summary(row["place_label"], row["name"], "", row["as_of"])
    if table == "officials":
        return official_summary(row["place_label"], row["title"], row["name"], "", row["as_of"])
    return store(
        N_("{date}: {kind}: {text}"),
        date=date(row["happened"]), kind=code(row["kind"]), text=str(row["summary"])[:120],
    )  # fmt: skip


async def _subjects_of(conn: Conn, table: str, row: Row) -> tuple[str, ...]:
    if table == "deployments":
        agency = await snapshot(conn, "agencies", int(row["agency_id"]))
        return agency_subjects(agency["city"], agency["county"], agency["state"]) if agency else ()
    if table == "laws":
        return law_subjects(row["level"], row["city"], row["county"], row["state"])
    if table in ("governing_bodies", "officials"):
        return (str(row["place_key"]),)
    slug = await company_slug(conn, int(row["company_id"]))
    return (company_key(slug),) if slug else ()

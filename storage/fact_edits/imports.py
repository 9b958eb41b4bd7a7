"""The job behind /facts import: the rows, their audit entry and the follow notifications
in ONE write job, all or nothing."""

from __future__ import annotations

from lexicon.i18n import N_
from lexicon.stored import date, store, store_plural
from storage.audit import ChangeEntry
from storage.fact_edits.import_rows import (
    FactRowsRefused,
    audit_import,
    dataset_row,
    write_fact_rows,
)
from storage.fact_edits.jobs import origin, today
from storage.fact_edits.models import AtlasImport, FactsCsvImport, ImportOutcome, LawsImport
from storage.facts.models import ATLAS_DATASET, LAWS_DATASET
from storage.importers.atlas_write import write_atlas
from storage.importers.facts_csv import FactRow
from storage.importers.issues import Issue
from storage.importers.laws import write_laws
from storage.sql import Conn, stamp


async def import_atlas(conn: Conn, change: AtlasImport) -> ImportOutcome:
    edit = change.edit
    before = await dataset_row(conn, ATLAS_DATASET)
    summary = await write_atlas(
        conn, change.parsed, as_of=change.as_of, origin="import", imported_at=edit.at
    )
    created = summary.created
    entry = ChangeEntry(
        edit.author, stamp(edit.at), edit.command, "import", edit.source_url,
        store(
            N_(
                "imported {file} (EFF Atlas as of {day}): {agencies} agencies,"
                " {facts} facts created"
            ),
            file=change.filename[:80], day=date(change.as_of),
            agencies=f"{len(created.agencies):,}", facts=f"{len(created.deployments):,}",
        ),
        target_table="datasets", before=before,
        after=await dataset_row(conn, summary.dataset),
    )  # fmt: skip
    ids = {
        "agencies": created.agencies,
        "sources": created.sources,
        "deployments": created.deployments,
    }
    change_id, queued = await audit_import(conn, entry, ids, edit)
    return ImportOutcome(change_id, queued, tuple(summary.lines()))


async def import_laws_table(conn: Conn, change: LawsImport) -> ImportOutcome:
    edit = change.edit
    before = await dataset_row(conn, LAWS_DATASET)
    summary = await write_laws(
        conn, change.parsed, as_of=change.as_of, origin="import", imported_at=edit.at
    )
    entry = ChangeEntry(
        edit.author, stamp(edit.at), edit.command, "import", edit.source_url,
        store(
            N_("imported {file} (local laws table as of {day}): {laws} laws created"),
            file=change.filename[:80], day=date(change.as_of), laws=f"{len(summary.created_ids):,}",
        ),
        target_table="datasets", before=before,
        after=await dataset_row(conn, LAWS_DATASET),
    )  # fmt: skip
    change_id, queued = await audit_import(conn, entry, {"laws": summary.created_ids}, edit)
    return ImportOutcome(change_id, queued, tuple(summary.lines()))


class CheckOnly(Exception):
    """Ends a dry run: its job fails, so its transaction rolls back, carrying what it found."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("check only")
        self.issues = issues


async def check_fact_rows(conn: Conn, rows: list[FactRow]) -> list[Issue]:
    """Which rows would not fit what is on record, found by writing them and rolling back."""
    try:
        await write_fact_rows(conn, rows, as_of="2000-01-01", origin="check")
    except FactRowsRefused as exc:
        raise CheckOnly(exc.issues) from None
    raise CheckOnly([])


async def import_facts_csv(conn: Conn, change: FactsCsvImport) -> ImportOutcome:
    edit = change.edit
    written = await write_fact_rows(conn, list(change.rows), as_of=today(edit), origin=origin(edit))
    present = written.pop("already_present", ())
    created = written
    facts = sum(len(created[t]) for t in ("deployments", "company_events", "laws"))
    entry = ChangeEntry(
        edit.author, stamp(edit.at), edit.command, "import", edit.source_url,
        store(
            N_("imported {file} (facts CSV): {facts} facts, each with its source"),
            file=change.filename[:80], facts=str(facts),
        ),
    )  # fmt: skip
    change_id, queued = await audit_import(conn, entry, created, edit)
    rows = len(change.rows)
    lines = [
        store_plural("{file}: {n:,} row", "{file}: {n:,} rows", rows, file=change.filename[:80])
    ]
    lines += [_created(table, len(ids)) for table, ids in created.items() if ids]
    if present:
        shown = ", ".join(str(line) for line in present[:20]) + (
            ", ..." if len(present) > 20 else ""
        )
        lines.append(
            store_plural(
                "already on record, not added again: {n:,} line ({lines})",
                "already on record, not added again: {n:,} lines ({lines})",
                len(present),
                lines=shown,
            )
        )
    return ImportOutcome(change_id, queued, tuple(lines))


# What a facts CSV import created, per table (the table's name as the admin reads it).
_CREATED = {
    "deployments": N_("deployments created: {n}"),
    "company_events": N_("company events created: {n}"),
    "laws": N_("laws created: {n}"),
    "agencies": N_("agencies created: {n}"),
    "sources": N_("sources created: {n}"),
}


def _created(table: str, n: int) -> str:
    message = _CREATED.get(table)
    if message is None:  # a table this list does not know yet: as it always read
        return f"{table.replace('_', ' ')} created: {n}"
    return store(message, n=str(n))

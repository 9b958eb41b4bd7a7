"""`FactEditor` in SQL: the look-ups admin commands make, and each admin change as ONE
`Db.write` job (the jobs live beside this module, one per kind of change), so fact rows,
audit entry and queued notifications commit together."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from storage.fact_edits import bodies, facts, imports, partnerships, spanish, undo
from storage.fact_edits.jobs import TABLE_OF_KIND
from storage.fact_edits.models import (
    AgencyRef,
    AtlasImport,
    BodyChange,
    CompanyRef,
    FactRef,
    FactRemoval,
    FactsCsvImport,
    ImportOutcome,
    LawRef,
    LawsImport,
    LawStatusChange,
    NewEvent,
    NewLaw,
    NewOfficial,
    Outcome,
    PartnershipChange,
    PartnershipEnd,
    SpanishText,
    UndoOutcome,
    UndoRequest,
)
from storage.facts.write import name_key
from storage.importers.facts_csv import FactRow
from storage.importers.issues import Issue
from storage.sql import Conn, Db

C = TypeVar("C")
R = TypeVar("R")


def _agency(row: Any) -> AgencyRef:
    return AgencyRef(int(row["id"]), row["name"], row["state"], row["city"])


class FactEditor:
    """Admin changes to the facts, one use case each, each audited and undoable."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def _write(self, job: Callable[[Conn, C], Awaitable[R]], change: C) -> R:
        async def run(conn: Conn) -> R:
            return await job(conn, change)

        return await self._db.write(run)

    # --- what an admin command looks up before it changes anything (no write job) ---------

    async def agency_named(self, name: str, state: str) -> AgencyRef | None:
        row = await self._db.fetchone(
            "SELECT * FROM agencies WHERE name_key = ? AND state = ?", (name_key(name), state)
        )
        return None if row is None else _agency(row)

    async def agencies(self, ids: tuple[int, ...]) -> list[AgencyRef]:
        """The agencies with these ids, by name."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = await self._db.fetchall(
            f"SELECT * FROM agencies WHERE id IN ({marks}) ORDER BY name", ids
        )
        return [_agency(r) for r in rows]

    async def company(self, name: str) -> CompanyRef | None:
        """The company a name or alias stands for, exactly."""
        row = await self._db.fetchone(
            "SELECT c.id, c.slug, c.name FROM company_aliases ca"
            " JOIN companies c ON c.id = ca.company_id WHERE ca.alias = ?",
            (name_key(name),),
        )
        return None if row is None else CompanyRef(int(row["id"]), row["slug"], row["name"])

    async def company_names(self) -> list[str]:
        rows = await self._db.fetchall("SELECT name FROM companies ORDER BY lower(name), name")
        return [str(r[0]) for r in rows]

    async def fact_exists(self, fact: FactRef) -> bool:
        # Only the fixed table names of TABLE_OF_KIND ever reach the SQL.
        table = TABLE_OF_KIND[fact.kind]
        row = await self._db.fetchone(
            f"SELECT 1 FROM {table} t JOIN sources s ON s.id = t.source_id WHERE t.id = ?",
            (fact.id,),
        )
        return row is not None

    async def laws_of_jurisdiction(self, jurisdiction: str) -> list[LawRef]:
        """Laws of 'Oakland, CA' (as /laws names it), oldest first. Every writer keys laws
        with name_key(), so 'oakland,  ca' finds 'Oakland, CA'."""
        rows = await self._db.fetchall(
            "SELECT id, kind, enacted, status FROM laws WHERE jurisdiction_key = ?"
            " ORDER BY enacted, id",
            (name_key(jurisdiction),),
        )
        return [LawRef(int(r["id"]), r["kind"], str(r["enacted"]), r["status"]) for r in rows]

    # --- changes: each ONE write job (storage/fact_edits/<kind>.py) ------------------------

    async def set_partnership(self, change: PartnershipChange) -> Outcome:
        return await self._write(partnerships.set_partnership, change)

    async def end_partnership(self, change: PartnershipEnd) -> Outcome:
        return await self._write(partnerships.end_partnership, change)

    async def add_event(self, change: NewEvent) -> Outcome:
        return await self._write(facts.add_event, change)

    async def add_law(self, change: NewLaw) -> Outcome:
        return await self._write(facts.add_law, change)

    async def set_law_status(self, change: LawStatusChange) -> Outcome:
        return await self._write(facts.set_law_status, change)

    async def set_spanish(self, change: SpanishText) -> Outcome:
        return await self._write(spanish.set_spanish, change)

    async def set_body(self, change: BodyChange) -> Outcome:
        return await self._write(bodies.set_body, change)

    async def add_official(self, change: NewOfficial) -> Outcome:
        return await self._write(bodies.add_official, change)

    async def remove_fact(self, change: FactRemoval) -> Outcome:
        return await self._write(facts.remove_fact, change)

    async def import_atlas(self, change: AtlasImport) -> ImportOutcome:
        """Raises storage.importers.records.ImportRefused when rows do not fit."""
        return await self._write(imports.import_atlas, change)

    async def import_facts_csv(self, change: FactsCsvImport) -> ImportOutcome:
        return await self._write(imports.import_facts_csv, change)

    async def check_facts_csv(self, rows: Sequence[FactRow]) -> list[Issue]:
        """The rows that would not fit what is on record, each with its line; writes nothing
        (a dry run), so a file's every problem can be told at once."""

        async def dry_run(conn: Conn) -> list[Issue]:
            return await imports.check_fact_rows(conn, list(rows))

        try:
            return await self._db.write(dry_run)
        except imports.CheckOnly as done:
            return done.issues

    async def import_laws_table(self, change: LawsImport) -> ImportOutcome:
        """The IFF table of local laws: jurisdictions already on record are kept."""
        return await self._write(imports.import_laws_table, change)

    async def undo(self, request: UndoRequest) -> UndoOutcome:
        return await self._write(undo.undo, request)

"""`FactEditor` in SQL: each admin change is ONE `Db.write` job (the jobs live in
storage/fact_edits/), so fact rows, audit entry and queued notifications commit together."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from storage.fact_edits import facts, imports, lookups, partnerships, undo
from storage.fact_edits.models import (
    AgencyRef,
    AtlasImport,
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
    Outcome,
    PartnershipChange,
    PartnershipEnd,
    UndoOutcome,
    UndoRequest,
)
from storage.importers.facts_csv import FactRow
from storage.importers.issues import Issue
from storage.sql import Conn, Db

C = TypeVar("C")
R = TypeVar("R")


class FactEditor:
    """Admin changes to the facts, one use case each, each audited and undoable."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def _write(self, job: Callable[[Conn, C], Awaitable[R]], change: C) -> R:
        async def run(conn: Conn) -> R:
            return await job(conn, change)

        return await self._db.write(run)

    async def agency_named(self, name: str, state: str) -> AgencyRef | None:
        return await lookups.agency_named(self._db, name, state)

    async def agencies(self, ids: tuple[int, ...]) -> list[AgencyRef]:
        """The agencies with these ids, by name."""
        return await lookups.agencies(self._db, ids)

    async def company(self, name: str) -> CompanyRef | None:
        """The company a name or alias stands for, exactly."""
        return await lookups.company(self._db, name)

    async def company_names(self) -> list[str]:
        return await lookups.company_names(self._db)

    async def fact_exists(self, fact: FactRef) -> bool:
        return await lookups.fact_exists(self._db, fact)

    async def laws_of_jurisdiction(self, jurisdiction: str) -> list[LawRef]:
        """Laws of 'Oakland, CA' (as /laws names it), oldest first."""
        return await lookups.laws_of_jurisdiction(self._db, jurisdiction)

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

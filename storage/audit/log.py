"""The audit log: change history, undo, refused attempts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from storage.audit import reads
from storage.audit.entries import record_refusal
from storage.audit.records import Author, Change, Refusal
from storage.fact_edits.jobs import TABLE_OF_KIND
from storage.interfaces.fact_edits import FactRef
from storage.outbox import stamp
from storage.sql import Db


class SqlAudit:
    """AuditLog in SQL (SQLite or PostgreSQL)."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def recent_changes(self, limit: int) -> list[Change]:
        return await reads.recent_changes(self._db, limit)

    async def get_change(self, change_id: int) -> Change | None:
        return await reads.get_change(self._db, change_id)

    async def changes_to_fact(self, fact: FactRef, limit: int) -> list[Change]:
        return await reads.changes_to_fact(self._db, TABLE_OF_KIND[fact.kind], fact.id, limit)

    async def changes_about(self, subject_keys: Sequence[str], limit: int) -> list[Change]:
        return await reads.changes_about(self._db, subject_keys, limit)

    async def record_refusal(self, author: Author, at: dt.datetime, command: str) -> int:
        return await record_refusal(self._db, author, stamp(at), command)

    async def source_urls(self, source_ids: Sequence[int]) -> dict[int, str]:
        ids = list(dict.fromkeys(source_ids))[:500]
        if not ids:
            return {}  # and `IN ()`, which SQLite takes, is an error on PostgreSQL
        marks = ", ".join("?" * len(ids))
        rows = await self._db.fetchall(f"SELECT id, url FROM sources WHERE id IN ({marks})", ids)
        return {int(row["id"]): str(row["url"]) for row in rows}

    async def recent_refusals(self, limit: int) -> list[Refusal]:
        return await reads.recent_refusals(self._db, limit)

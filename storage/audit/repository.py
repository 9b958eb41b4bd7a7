"""The audit log: change history, undo, refused attempts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from storage.audit import reads
from storage.audit.entries import record_refusal
from storage.audit.models import Author, Change, Refusal
from storage.fact_edits.jobs import TABLE_OF_KIND
from storage.fact_edits.models import FactRef
from storage.sql import Db, stamp


class AuditLog:
    """The audit log: change history, undo, refused attempts."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def recent_changes(self, limit: int) -> list[Change]:
        """The latest changes, newest first."""
        return await reads.recent_changes(self._db, limit)

    async def get_change(self, change_id: int) -> Change | None:
        return await reads.get_change(self._db, change_id)

    async def changes_to_fact(self, fact: FactRef, limit: int) -> list[Change]:
        """Changes that wrote this fact (through a row write or an import), newest first."""
        return await reads.changes_to_fact(self._db, TABLE_OF_KIND[fact.kind], fact.id, limit)

    async def changes_about(self, subject_keys: Sequence[str], limit: int) -> list[Change]:
        """Changes about any of these subjects (storage.subjects keys), newest first."""
        return await reads.changes_about(self._db, subject_keys, limit)

    async def record_refusal(self, author: Author, at: dt.datetime, command: str) -> int:
        """Record an attempt refused for its role (no values typed); returns its R id."""
        return await record_refusal(self._db, author, stamp(at), command)

    async def source_urls(self, source_ids: Sequence[int]) -> dict[int, str]:
        """The URL of each source id (the history shows sources, not their ids)."""
        ids = list(dict.fromkeys(source_ids))[:500]
        if not ids:
            return {}  # and `IN ()`, which SQLite takes, is an error on PostgreSQL
        marks = ", ".join("?" * len(ids))
        rows = await self._db.fetchall(f"SELECT id, url FROM sources WHERE id IN ({marks})", ids)
        return {int(row["id"]): str(row["url"]) for row in rows}

    async def recent_refusals(self, limit: int) -> list[Refusal]:
        """The latest refused attempts, newest first."""
        return await reads.recent_refusals(self._db, limit)

"""The audit log: change history, undo, refused attempts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from storage.audit import reads
from storage.audit.entries import record_refusal
from storage.audit.models import Author, Change, Refusal
from storage.fact_edits.jobs import TABLE_OF_KIND
from storage.fact_edits.models import FactRef
from storage.sql import Db, stamp
from storage.viewer import ELSEWHERE, Viewer

# Who an author from another workspace is to a reader: no name, no id, no platform.
SOMEONE_ELSEWHERE = Author("", "", "", ELSEWHERE)


def seen_by(author: Author, viewer: Viewer) -> Author:
    if viewer.sees(author.platform, author.workspace, author.user_id):
        return author
    return SOMEONE_ELSEWHERE


def _changes_seen(changes: list[Change], viewer: Viewer) -> list[Change]:
    return [replace(c, author=seen_by(c.author, viewer)) for c in changes]


class AuditLog:
    """The audit log: change history, undo, refused attempts; what it reads is as `viewer`
    may see it (another workspace's people come back as "someone in another workspace")."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def recent_changes(self, limit: int, viewer: Viewer) -> list[Change]:
        """The latest changes, newest first."""
        return _changes_seen(await reads.recent_changes(self._db, limit), viewer)

    async def get_change(self, change_id: int, viewer: Viewer) -> Change | None:
        change = await reads.get_change(self._db, change_id)
        return None if change is None else _changes_seen([change], viewer)[0]

    async def changes_to_fact(self, fact: FactRef, limit: int, viewer: Viewer) -> list[Change]:
        """Changes that wrote this fact (through a row write or an import), newest first."""
        table = TABLE_OF_KIND[fact.kind]
        return _changes_seen(await reads.changes_to_fact(self._db, table, fact.id, limit), viewer)

    async def changes_about(
        self, subject_keys: Sequence[str], limit: int, viewer: Viewer
    ) -> list[Change]:
        """Changes about any of these subjects (storage.subjects keys), newest first."""
        return _changes_seen(await reads.changes_about(self._db, subject_keys, limit), viewer)

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

    async def recent_refusals(self, limit: int, viewer: Viewer) -> list[Refusal]:
        """The latest refused attempts, newest first."""
        refusals = await reads.recent_refusals(self._db, limit)
        return [replace(r, author=seen_by(r.author, viewer)) for r in refusals]

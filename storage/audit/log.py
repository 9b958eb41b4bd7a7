"""The audit log: change history, undo, refused attempts."""

from __future__ import annotations

from storage.db import Database


class SqliteAudit:
    """AuditLog on SQLite."""

    def __init__(self, db: Database) -> None:
        self._db = db

"""The audit log: change history, undo, refused attempts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from storage.audit.records import Author, Change, Refusal, Row
from storage.interfaces.fact_edits import FactRef
from storage.viewer import Viewer

__all__ = ["AuditLog", "Author", "Change", "Refusal", "Row", "Viewer"]


class AuditLog(Protocol):
    """The audit log: change history, undo, refused attempts.

    Reads are for a `viewer`: an author they may not see (another workspace's person) comes
    back as "someone in another workspace", with no name, id or platform.
    """

    async def recent_changes(self, limit: int, viewer: Viewer) -> list[Change]:
        """The latest changes, newest first."""
        ...

    async def get_change(self, change_id: int, viewer: Viewer) -> Change | None: ...

    async def changes_to_fact(self, fact: FactRef, limit: int, viewer: Viewer) -> list[Change]:
        """Changes that wrote this fact (through a row write or an import), newest first."""
        ...

    async def changes_about(
        self, subject_keys: Sequence[str], limit: int, viewer: Viewer
    ) -> list[Change]:
        """Changes about any of these subjects (storage.subjects keys), newest first."""
        ...

    async def record_refusal(self, author: Author, at: dt.datetime, command: str) -> int:
        """Record an attempt refused for its role (no values typed); returns its R id."""
        ...

    async def source_urls(self, source_ids: Sequence[int]) -> dict[int, str]:
        """The URL of each source id (the history shows sources, not their ids)."""
        ...

    async def recent_refusals(self, limit: int, viewer: Viewer) -> list[Refusal]:
        """The latest refused attempts, newest first."""
        ...

"""The audit log: change history, undo, refused attempts."""

from __future__ import annotations

from typing import Protocol


class AuditLog(Protocol):
    """The audit log: change history, undo, refused attempts."""

"""Admin changes to the facts, one use case each, each audited and undoable."""

from __future__ import annotations

from typing import Protocol


class FactEditor(Protocol):
    """Admin changes to the facts, one use case each, each audited and undoable."""

"""Letter and petition templates that organizers add."""

from __future__ import annotations

from typing import Protocol


class LetterStore(Protocol):
    """Letter and petition templates that organizers add."""

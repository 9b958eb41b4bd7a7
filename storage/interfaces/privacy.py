"""What the bot holds on one person, shown and erased on request."""

from __future__ import annotations

from typing import Protocol


class PrivacyStore(Protocol):
    """What the bot holds on one person, shown and erased on request."""

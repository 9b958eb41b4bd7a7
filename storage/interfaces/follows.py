"""Who follows which place, for follow notifications."""

from __future__ import annotations

from typing import Protocol


class FollowStore(Protocol):
    """Who follows which place, for follow notifications."""

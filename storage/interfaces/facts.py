"""What members read: companies and their timelines, agencies, Ring partnerships, laws,
datasets."""

from __future__ import annotations

from typing import Protocol


class FactsStore(Protocol):
    """What members read: companies and their timelines, agencies, Ring partnerships, laws,
    datasets."""

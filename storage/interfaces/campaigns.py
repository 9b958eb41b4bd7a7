"""Campaigns and their sign-ups: create, close, join, leave, count, export."""

from __future__ import annotations

from typing import Protocol


class CampaignStore(Protocol):
    """Campaigns and their sign-ups: create, close, join, leave, count, export."""

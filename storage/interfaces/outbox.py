"""The durable outbox of direct messages waiting to be delivered."""

from __future__ import annotations

from typing import Protocol


class OutboxStore(Protocol):
    """The durable outbox of direct messages waiting to be delivered."""

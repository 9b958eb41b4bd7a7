"""What the bot holds on one person, shown and erased on request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from storage.privacy import Section


class PrivacyStore(Protocol):
    """What the bot holds on one person, shown and erased on request."""

    async def describe(self, platform: str, user_id: str) -> list[Section]:
        """Every feature's section, in a fixed order, empty ones included."""
        ...

    def erase_code(self, platform: str, user_id: str, day: str, held: Sequence[Section]) -> str:
        """The one-time code confirming erasure of exactly `held` on `day` (ISO date): it
        changes when the data or the day does, so a confirmation matches what was shown."""
        ...

    async def erase(self, platform: str, user_id: str) -> dict[str, int]:
        """Erase everything about the person in one transaction; rows erased per section."""
        ...

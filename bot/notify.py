"""Direct messages to members (follow notifications), independent of the platform.

Each chat adapter registers a DirectMessenger for its platform when it starts;
the delivery loop (commands/follows) looks one up by the platform a follower used.
"""

from __future__ import annotations

from typing import Protocol


class DeliveryError(Exception):
    """A message could not be delivered now (DMs closed, platform down); retry later."""


class DirectMessenger(Protocol):
    platform: str

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        """Deliver plain `text` (the adapter escapes it) or raise DeliveryError."""


class Messengers:
    """The messengers of the platforms running in this process, by platform name."""

    def __init__(self) -> None:
        self._by_platform: dict[str, DirectMessenger] = {}

    def register(self, messenger: DirectMessenger) -> None:
        self._by_platform[messenger.platform] = messenger

    def get(self, platform: str) -> DirectMessenger | None:
        return self._by_platform.get(platform)

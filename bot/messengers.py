"""Direct messages to members (follow notifications), independent of the platform.

Each chat adapter registers a DirectMessenger for its platform when it starts;
the delivery loop (bot/delivery.py) looks one up by the platform a follower used.
"""

from __future__ import annotations

from typing import Protocol


class DeliveryError(Exception):
    """A message could not be delivered now; the delivery loop retries it later.

    `permanent=True` says that this route will keep failing for this person (their direct
    messages are closed: Discord 403, Slack cannot_dm / messages_tab_disabled, ...), so the
    delivery loop tries the configured notify channel instead; a transient failure (an
    outage, a rate limit) is simply retried.
    """

    def __init__(self, message: str = "", *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class DirectMessenger(Protocol):
    platform: str

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        """Deliver plain `text` (the adapter escapes it) or raise DeliveryError."""

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        """Post plain `text` in a channel of `workspace`, escaped and pinging nobody,
        or raise DeliveryError."""


class Messengers:
    """The messengers of the platforms running in this process, by platform name."""

    def __init__(self) -> None:
        self._by_platform: dict[str, DirectMessenger] = {}

    def register(self, messenger: DirectMessenger) -> None:
        self._by_platform[messenger.platform] = messenger

    def get(self, platform: str) -> DirectMessenger | None:
        return self._by_platform.get(platform)

"""Direct messages to members (follow notifications), independent of the platform.

Each chat adapter registers a DirectMessenger for its platform when it starts;
the delivery loop (bot/delivery.py) looks one up by the platform a follower used.
"""

from __future__ import annotations

from typing import Protocol

from bot.core.models import Reply


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


class CardGone(Exception):
    """The card's message is no more (deleted, or its channel): stop editing it."""


class CardEditFailed(Exception):
    """The edit did not go through now. `retry_after` is the platform's own wait (a 429),
    in seconds; None means an outage or a refusal, retried with backoff."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class CardEditor(Protocol):
    """Edits a message this platform posted earlier (a campaign card) to show `reply`."""

    platform: str

    async def edit_card(self, workspace: str, channel: str, message_id: str, reply: Reply) -> None:
        """Replace the message's content and buttons; raise CardGone or CardEditFailed."""


class Messengers:
    """The messengers (and card editors) of the platforms running in this process, by
    platform name."""

    def __init__(self) -> None:
        self._by_platform: dict[str, DirectMessenger] = {}
        self._editors: dict[str, CardEditor] = {}

    def register(self, messenger: DirectMessenger) -> None:
        self._by_platform[messenger.platform] = messenger

    def register_editor(self, editor: CardEditor) -> None:
        self._editors[editor.platform] = editor

    def get(self, platform: str) -> DirectMessenger | None:
        return self._by_platform.get(platform)

    def editor(self, platform: str) -> CardEditor | None:
        return self._editors.get(platform)

    @property
    def editing_platforms(self) -> tuple[str, ...]:
        """The platforms whose cards this process can edit now."""
        return tuple(sorted(self._editors))

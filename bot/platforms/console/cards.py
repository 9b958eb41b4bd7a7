"""Campaign cards at the console: "posted" by printing, "edited" by printing them again.

Each card printed in this session gets a message id; the card refresher's edits of those
print the card as it stands now under "[card updated]". A card printed in an earlier
session is no longer on any screen: it is reported gone, and forgotten.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable

from bot.core.messengers import CardGone
from bot.core.models import Posted, Reply
from bot.platforms.console.people import CONSOLE_PLATFORM
from lexicon.i18n import DEFAULT, _, using

CONSOLE_CHANNEL = "console"


class ConsoleCards:
    """The console's `CardEditor`, and what remembers the cards it printed."""

    platform = CONSOLE_PLATFORM

    def __init__(self, show: Callable[[str], None], locale: str = DEFAULT) -> None:
        self._show = show
        self._locale = locale  # the console's language, for its own "[card updated]"
        self._session = uuid.uuid4().hex[:8]  # ids of another session are never ours
        self._numbers = itertools.count(1)
        self._printed: set[str] = set()

    async def posted(self, reply: Reply) -> None:
        """A public reply was printed: tell it its id, if it wants to know."""
        if reply.on_posted is None or reply.private:
            return
        message_id = f"{self._session}-{next(self._numbers)}"
        self._printed.add(message_id)
        await reply.on_posted(Posted(CONSOLE_CHANNEL, message_id))

    async def edit_card(self, workspace: str, channel: str, message_id: str, reply: Reply) -> None:
        if message_id not in self._printed:
            raise CardGone("printed by an earlier console session")
        with using(self._locale):
            self._show(_("[card updated]") + "\n" + reply.as_text())

"""What the console does with each typed line, and who is typing it (`/as` switches)."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.dispatch import Dispatcher, Identity
from bot.core.errors import UserError
from bot.core.grammar import tokenize
from bot.core.models import Reply
from bot.platforms.console.cards import ConsoleCards
from bot.platforms.console.files import render, split_attachment
from bot.platforms.console.people import (
    ConsoleMessenger,
    ConsoleNameError,
    console_language,
    switch_identity,
)
from lexicon.i18n import N_, _, using

QUIT = frozenset({"/quit", "/exit", "quit", "exit"})  # the words that leave the console

CONSOLE_HELP = N_(
    "At the console: /as NAME [role] switches who is typing (each name is its own member),"
    " Tab completes, Ctrl-C cancels the line, /quit or Ctrl-D leaves."
)  # said after /help, in the console's language


def shown(identity: Identity, reply: Reply) -> str:
    """The reply as the console prints it, its own lines ("[saved ...]") in the console's
    language (`ask` mode prints one and exits)."""
    with using(console_language(identity)):
        return render(reply)


async def ask(dispatcher: Dispatcher, identity: Identity, line: str) -> Reply:
    command_text, attachments, error = split_attachment(line)
    if error:
        return Reply(text=error, private=True, error=True)
    return await dispatcher.run_text(identity, command_text, attachments)


class Turns:
    """Who is typing now, and what the console does with each line."""

    def __init__(
        self, dispatcher: Dispatcher, identity: Identity, show: Callable[[str], None]
    ) -> None:
        self.dispatcher = dispatcher
        self.identity = identity
        self.show = show
        self.locale = console_language(identity)  # of the console's own lines
        self.messenger = ConsoleMessenger(lambda text: self.show(text), self.locale)
        self.messenger.learn(identity)
        self.cards = ConsoleCards(lambda text: self.show(text), self.locale)

    async def handle(self, line: str) -> None:
        try:
            words = tokenize(line)
        except UserError:
            words = []  # the dispatcher explains the quotes
        first = words[0].lower() if words else ""
        if first == "/as":
            self._switch(words[1:])
            return
        reply = await ask(self.dispatcher, self.identity, line)
        with using(self.locale):
            text = render(reply)
            if first == "/help" and len(words) == 1:
                text += "\n\n" + _(CONSOLE_HELP)
        self.show(text)
        await self.cards.posted(reply)

    def _switch(self, words: list[str]) -> None:
        with using(self.locale):
            try:
                self.identity = switch_identity(self.identity, words)
            except ConsoleNameError as exc:
                self.show(str(exc))
                return
            self.messenger.learn(self.identity)
            role = self.identity.role.name.lower()
            self.show(
                _("Now typing as {name} ({role}).").format(name=self.identity.user_name, role=role)
            )

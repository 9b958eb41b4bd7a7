"""Running the whole session (session_script.py) through the console: each line as the
console handles it (`Turns`: `/as` to switch people, the reply rendered and printed as the
console prints it, files saved under ./counterwatch-out/), with the delivery loop's pass after
each line printing the direct messages it sends, as the console shows them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.platforms.console import console_identity
from bot.platforms.console.turns import Turns
from notifications.delivery import deliver_due
from tests.commands.i18n.session_script import MEMBER, ROLES, SESSION, Step

CODE = re.compile(r"\b[0-9a-f]{8}\b")
# A picture's or a PDF's size depends on the drawing libraries' versions, not on the bot's
# words: the transcript keeps the file's name, not its size.
_BINARY_SIZE = re.compile(r"(\[saved \S+\.(?:png|pdf)) \([\d,]+ bytes\)\]")


@dataclass(frozen=True)
class Said:
    step: Step
    text: str  # everything the console printed for it, the deliveries after it included


async def run_session(
    dispatcher: Dispatcher, locale: str, choices: Mapping[str, str]
) -> list[Said]:
    """The session as the console prints it, at a console started with `--lang <locale>`;
    `choices` fills the session's `{language}` and `{campaign_language}`."""
    printed: list[str] = []
    turns = Turns(dispatcher, console_identity(Role.MEMBER, MEMBER, locale), printed.append)
    dispatcher.deps.messengers.register(turns.messenger)
    dispatcher.deps.messengers.register_editor(turns.cards)
    said: list[Said] = []
    who, code = MEMBER, ""
    for step in SESSION:
        if step.who != who:
            who = step.who
            await turns.handle(f"/as {who} {ROLES[who].name.lower()}")
        await turns.handle(step.line.format(code=code, **choices))
        await deliver_due(dispatcher.deps, pace={})
        text = _BINARY_SIZE.sub(r"\1]", "\n".join(printed))
        printed.clear()
        found = CODE.findall(text)
        code = found[-1] if found else code
        said.append(Said(step, text))
    return said

"""The interactive line editor (prompt-toolkit), used when the console runs at a terminal.

Ctrl-C cancels the line being typed, as in every shell. On an empty line it says how to
leave, and a second Ctrl-C right after leaves (as Node's REPL does: cancelling a line and
pressing Ctrl-C once more by habit does not end the session); so does Ctrl-D. History
lives in memory for the session and is never written to disk (a typed line may name a
member or quote a letter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prompt_toolkit import PromptSession
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.patch_stdout import patch_stdout
from prompt_toolkit.shortcuts import CompleteStyle

from bot.platforms.console.completion import ConsoleCompleter
from bot.platforms.console.people import prompt_for
from bot.platforms.console.turns import QUIT
from lexicon.i18n import N_, _

if TYPE_CHECKING:
    from bot.platforms.console.turns import Turns

LEAVE_HINT = N_("(Ctrl-C again on an empty line, Ctrl-D or /quit leaves)")  # said _()


class _EmptyLineInterrupt(KeyboardInterrupt):
    """Ctrl-C with nothing typed."""


def _bindings() -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        typed = event.current_buffer.text
        error = KeyboardInterrupt() if typed else _EmptyLineInterrupt()
        event.app.exit(exception=error, style="class:aborting")

    return bindings


async def read_terminal(turns: Turns) -> None:
    session: PromptSession[str] = PromptSession(
        history=InMemoryHistory(),
        completer=ConsoleCompleter(turns.dispatcher, lambda: turns.identity),
        complete_while_typing=False,  # Tab asks; typing never waits on the database
        # A menu under the line: the readline-like style asks the completer synchronously,
        # and the sources are async (they read the database).
        complete_style=CompleteStyle.COLUMN,
        key_bindings=_bindings(),
    )
    interrupted = False  # the last key was a Ctrl-C on an empty line

    def message() -> str:
        # The hint is drawn by the next prompt itself, not printed between two prompts:
        # printed, it could show while the old prompt was still leaving, and a Ctrl-C
        # pressed on seeing it reached no prompt and was lost.
        prompt = prompt_for(turns.identity)
        return f"{_(LEAVE_HINT)}\n{prompt}" if interrupted else prompt

    with patch_stdout(raw=True):
        while True:
            try:
                line = await session.prompt_async(message)
            except _EmptyLineInterrupt:
                if interrupted:
                    return
                interrupted = True
                continue
            except KeyboardInterrupt:
                interrupted = False  # the line is dropped, nothing more
                continue
            except EOFError:
                return
            interrupted = False
            line = line.strip()
            if line in QUIT:
                return
            if line:
                await turns.handle(line)

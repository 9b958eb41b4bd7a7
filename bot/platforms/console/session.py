"""The console loop: read a line, run it as the person typing, print the reply.

At a terminal the line editor is prompt-toolkit (Tab completion, Ctrl-C cancels the line,
history kept in memory only, notifications printed above the prompt). From a pipe, lines are
read as they come, capped in length. Either way the background loops (wiring.py's: follow
notifications, reminders, cards) run beside it, so a follow can be tried end to end.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import TextIO

from bot.core.dispatch import Dispatcher, Identity
from bot.platforms.console.people import console_language
from bot.platforms.console.turns import QUIT, Turns
from lexicon.i18n import _, using

# A typed line longer than this is refused: no command takes more (the largest option,
# a template, is capped far below), and a pipe without newlines must not fill the memory.
MAX_LINE_CHARS = 64 * 1024
# Starts the background loops for the session's length (given by wiring.py, which owns them).
Background = Callable[[], AbstractAsyncContextManager[object]]


def pages_line(identity: Identity, url: str, served_on: str = "") -> str:
    """Where the campaign pages are, told at the console's start in its language
    (`served_on`: the host:port behind a public URL)."""
    with using(console_language(identity)):
        if served_on:
            return _("Campaign pages: {url} (served on {host}).").format(url=url, host=served_on)
        return _("Campaign pages: {url}.").format(url=url)


async def run_console(
    dispatcher: Dispatcher,
    identity: Identity,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    *,
    background: Background,
) -> None:
    """Read commands until EOF, `/quit`, Ctrl-D or Ctrl-C twice on an empty line, with
    `background` running meanwhile (started once the console can show what it delivers)."""
    stdin = stdin or sys.stdin
    interactive = stdin.isatty() and (stdout or sys.stdout).isatty()

    def show(text: str) -> None:
        # At a terminal sys.stdout is looked up on each call: prompt-toolkit's patch_stdout
        # swaps it so that text arriving while someone types lands above their line.
        with contextlib.suppress(BrokenPipeError):
            print(text, file=stdout or sys.stdout, flush=True)

    turns = Turns(dispatcher, identity, show)
    deps = dispatcher.deps
    deps.messengers.register(turns.messenger)
    deps.messengers.register_editor(turns.cards)  # cards printed here are "edited" here
    role = identity.role.name.lower()
    # The background loops start outside the console's language (each message they deliver
    # is said in its recipient's); the console's own lines are said in it.
    async with background():
        with using(turns.locale):
            banner = _("Counterwatch console, as {name} ({role}).").format(
                name=identity.user_name, role=role
            )
            show(banner + " " + _("Type /help, or /quit to leave."))
            if interactive:
                from bot.platforms.console.terminal import read_terminal

                await read_terminal(turns)
            else:
                await _read_pipe(turns, stdin)


async def _read_pipe(turns: Turns, stdin: TextIO) -> None:
    while True:
        line = await asyncio.to_thread(_read_capped_line, stdin)
        if line == "":
            return  # EOF
        if line is _TOO_LONG:
            turns.show(_("That line is longer than {most} characters.").format(most=MAX_LINE_CHARS))
            continue
        line = line.strip()
        if line in QUIT:
            return
        if line:
            await turns.handle(line)


_TOO_LONG = "\0too long\0"  # a sentinel no typed line is (compared by identity)


def _read_capped_line(stdin: TextIO) -> str:
    """One line of at most MAX_LINE_CHARS; a longer one is skipped to its end, never kept."""
    line = stdin.readline(MAX_LINE_CHARS + 1)
    if len(line) <= MAX_LINE_CHARS or line.endswith("\n"):
        return line
    while True:  # drop the rest of the over-long line, a bounded piece at a time
        rest = stdin.readline(MAX_LINE_CHARS)
        if rest == "" or rest.endswith("\n"):
            return _TOO_LONG

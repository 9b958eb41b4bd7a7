"""The embedded default: an interactive terminal and a one-shot `ask` mode.

The console types the same slash commands as chat. A file is attached by ending
the line with `< path` (e.g. `/facts import < atlas.csv`); files the bot sends
back (letters, exports) are written under ./counterwatch-out/.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.dispatch import Dispatcher, Identity
from bot.models import Attachment, Reply, Role

CONSOLE_WORKSPACE = "console"
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
# A typed line longer than this is refused: no command takes more (the largest option,
# a template, is capped far below), and a pipe without newlines must not fill the memory.
MAX_LINE_CHARS = 64 * 1024
OUTPUT_DIR = Path("counterwatch-out")
_ATTACH = re.compile(r"\s<\s*(\S+)\s*$")


def console_identity(role: Role, user_name: str = "console operator") -> Identity:
    return Identity(
        platform="console",
        workspace=CONSOLE_WORKSPACE,
        user_id="console-operator",
        user_name=user_name,
        role=role,
        channel="console",
    )


def split_attachment(line: str) -> tuple[str, tuple[Attachment, ...], str]:
    """Return (command text, attachments, error message or '')."""
    match = _ATTACH.search(line)
    if match is None:
        return line, (), ""
    path = Path(match.group(1)).expanduser()
    too_large = f"{path} is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB."
    try:
        # The size a file reports is not a bound: /dev/zero and pipes report 0. Read one byte
        # past the limit and refuse if it came.
        with path.open("rb") as handle:
            content = handle.read(MAX_ATTACHMENT_BYTES + 1)
    except OSError as exc:
        return line, (), f"Cannot read {path}: {exc.strerror or exc}."
    if len(content) > MAX_ATTACHMENT_BYTES:
        return line, (), too_large
    return line[: match.start()], (Attachment(path.name, content),), ""


def render(reply: Reply, output_dir: Path = OUTPUT_DIR) -> str:
    """The console shows plain text; a file is saved and its path shown."""
    text = reply.as_text() if reply.file is None else _text_without_file(reply)
    if reply.file is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
        target = output_dir / Path(reply.file.filename).name
        target.write_bytes(reply.file.content)
        text += f"\n[saved {target} ({len(reply.file.content)} bytes)]"
    return text


def _text_without_file(reply: Reply) -> str:
    parts = [reply.title, reply.text, *(f"{f.name}: {f.value}" for f in reply.fields)]
    return "\n".join(p for p in parts if p)


async def ask(dispatcher: Dispatcher, identity: Identity, line: str) -> Reply:
    command_text, attachments, error = split_attachment(line)
    if error:
        return Reply(text=error, private=True, error=True)
    return await dispatcher.run_text(identity, command_text, attachments)


def _install_readline(names: list[str]) -> None:
    """Tab completion of command names and in-memory history (never written to disk)."""
    try:
        import readline
    except ImportError:  # not every Python build has it; the console still works
        return
    candidates = sorted(names)

    def complete(text: str, state: int) -> str | None:
        matches = [c + " " for c in candidates if c.startswith(text)]
        return matches[state] if state < len(matches) else None

    readline.set_completer(complete)
    readline.set_completer_delims(" \t\n")
    readline.parse_and_bind("tab: complete")


def completion_names(dispatcher: Dispatcher) -> list[str]:
    names = []
    for command in dispatcher.registry.commands():
        names.append("/" + command.path[0])
        names.append("/" + " ".join(command.path))
    return sorted(set(names))


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


async def run_console(
    dispatcher: Dispatcher,
    identity: Identity,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    prompt: str = "counterwatch> ",
) -> None:
    """Read commands until EOF, `/quit` or Ctrl-C."""
    interactive = stdin.isatty()
    if interactive:
        _install_readline(completion_names(dispatcher))
    read_line: Callable[[], str] = (
        (lambda: input(prompt)) if interactive else (lambda: _read_capped_line(stdin))
    )
    print(
        f"Counterwatch console, as {identity.role.name.lower()}. Type /help, or /quit to leave.",
        file=stdout,
        flush=True,
    )
    while True:
        try:
            line = await asyncio.to_thread(read_line)
        except (EOFError, KeyboardInterrupt):
            break
        if not interactive and line == "":
            break  # EOF on a pipe
        if line is _TOO_LONG:
            print(f"That line is longer than {MAX_LINE_CHARS} characters.", file=stdout, flush=True)
            continue
        line = line.strip()
        if line in {"/quit", "/exit", "quit", "exit"}:
            break
        if not line:
            continue
        reply = await ask(dispatcher, identity, line)
        with contextlib.suppress(BrokenPipeError):
            print(render(reply), file=stdout, flush=True)

"""The one text grammar, shared by the console and Slack:

    /group sub positional "quoted words" key:value

Positionals fill the command's options in declared order; a greedy option takes
all the remaining words, so `/ring lookup Greenfield, WI` needs no quotes (options
declared after a greedy one are then given as key:value).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from bot.errors import UsageError, UserError
from bot.registry import Command, OptionType, Registry

MAX_LINE = 4000  # a whole command line; individual options have their own caps
_KEYWORD = re.compile(r"^([a-z][a-z0-9_-]*):(.*)$", re.DOTALL)


@dataclass(frozen=True)
class ParsedLine:
    command: Command
    raw_options: dict[str, str]


def tokenize(text: str) -> list[str]:
    if len(text) > MAX_LINE:
        raise UserError(f"That command is too long ({len(text)} characters; at most {MAX_LINE}).")
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""  # '#' is ordinary text (a hashtag, an issue number)
    try:
        return list(lexer)
    except ValueError:
        raise UsageError('Unbalanced quotes: close every " you open.') from None


def resolve_command(registry: Registry, tokens: list[str]) -> tuple[Command, list[str]]:
    """Find the command named by the first one or two tokens; return it and the rest."""
    if not tokens:
        raise UsageError("Type a command, for example /help.")
    name = tokens[0].lstrip("/").lower()
    if registry.is_group(name):
        subcommands = registry.group(name)
        names = ", ".join(c.path[1] for c in subcommands)
        if len(tokens) < 2:
            raise UsageError(f"/{name} needs a subcommand: {names}.")
        command = registry.get((name, tokens[1].lower()))
        if command is None:
            raise UsageError(
                f"/{name} has no subcommand {tokens[1][:40]!r}; choose one of: {names}."
            )
        return command, tokens[2:]
    command = registry.get((name,))
    if command is None:
        raise UserError(f"Unknown command /{name[:40]}. Type /help to see them all.")
    return command, tokens[1:]


def parse_line(registry: Registry, text: str) -> ParsedLine:
    command, args = resolve_command(registry, tokenize(text.strip()))
    return ParsedLine(command, assign_arguments(command, args))


def parse_arguments(command: Command, text: str) -> dict[str, str]:
    """Parse only the argument part (Slack delivers `/ring` and `lookup Greenfield` apart)."""
    return assign_arguments(command, tokenize(text.strip()))


def assign_arguments(command: Command, args: list[str]) -> dict[str, str]:
    raw: dict[str, str] = {}
    positionals: list[str] = []
    for token in args:
        match = _KEYWORD.match(token)
        if match and command.option(match.group(1)) is not None:
            raw[match.group(1)] = match.group(2)
        else:
            positionals.append(token)
    slots = [
        o for o in command.options if o.name not in raw and o.type is not OptionType.ATTACHMENT
    ]
    for option in slots:
        if not positionals:
            break
        if option.greedy:
            # A greedy option swallows every remaining word; later options go by key:value.
            raw[option.name] = " ".join(positionals)
            positionals = []
        else:
            raw[option.name] = positionals.pop(0)
    if positionals:
        extra = " ".join(positionals)[:60]
        raise UsageError(f"Too many arguments ({extra!r}). Usage: {command.usage()}")
    return raw

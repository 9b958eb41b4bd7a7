"""A whole typed line parsed as the dispatcher does (`resolve_command`, then
`assign_arguments`), for tests that check examples and grammar without running a command."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.grammar import assign_arguments, resolve_command, tokenize
from bot.core.registry import Command, Registry


@dataclass(frozen=True)
class ParsedLine:
    command: Command
    raw_options: dict[str, str]


def parse_line(registry: Registry, text: str) -> ParsedLine:
    command, args = resolve_command(registry, tokenize(text.strip()))
    return ParsedLine(command, assign_arguments(command, args))

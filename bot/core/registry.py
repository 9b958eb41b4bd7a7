"""The command registry: console, Discord and Slack are generated from it.

Each feature declares its commands beside their handlers, with a `CommandSet`:

    COMMANDS = CommandSet(group="ring")

    @COMMANDS.command("lookup", "Does a police department partner with Ring?", PLACE)
    async def lookup(request: Request, deps: Deps) -> Reply: ...

and `commands.build_registry` gathers the sets, in the order help lists them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from bot.core.models import Reply, Request, Role

if TYPE_CHECKING:
    from bot.core.deps import Deps

Handler = Callable[[Request, "Deps"], Awaitable[Reply]]


@dataclass(frozen=True)
class Choice:
    """One autocomplete suggestion: what the user sees and what gets submitted."""

    label: str
    value: str


@dataclass(frozen=True)
class AutocompleteContext:
    """What an autocomplete source may know about who is typing."""

    platform: str
    workspace: str
    user_id: str


# (deps, context, what the user typed so far) -> at most MAX_CHOICES suggestions
AutocompleteSource = Callable[["Deps", AutocompleteContext, str], Awaitable[list[Choice]]]

MAX_CHOICES = 25  # Discord's hard limit; Slack's external_select takes 100, we keep one rule.


class OptionType(Enum):
    STRING = "string"
    INTEGER = "integer"
    DATE = "date"  # ISO YYYY-MM-DD, validated as a real calendar date
    # A fact's date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD, kept
    # as typed (the precision is its length), never padded to a day nobody reported.
    FACT_DATE = "fact-date"
    ATTACHMENT = "attachment"


@dataclass(frozen=True)
class Option:
    name: str
    description: str
    type: OptionType = OptionType.STRING
    required: bool = True
    max_length: int = 200
    min_value: int | None = None
    max_value: int | None = None
    choices: tuple[str, ...] = ()
    autocomplete: str | None = None  # name of a source in Registry.autocomplete_sources
    # In text grammars the last greedy option swallows the remaining words, so
    # `/ring lookup Greenfield, WI` needs no quotes.
    greedy: bool = False
    # Multi-line text (a template body) may hold newlines and tabs; nothing else may.
    multiline: bool = False

    def usage(self) -> str:
        """'<place>' when required; '[goal:N]' when optional, in the name:value form that
        can be given in any order (a later optional without the ones before it)."""
        if self.required or self.greedy:  # a greedy option takes the remaining words as typed
            return f"<{self.name}>" if self.required else f"[{self.name}]"
        return f"[{self.name}:{self.placeholder()}]"

    def placeholder(self) -> str:
        if self.type is OptionType.INTEGER:
            return "N"
        if self.type is OptionType.DATE:
            return "YYYY-MM-DD"
        if self.type is OptionType.FACT_DATE:
            return "YYYY[-MM[-DD]]"
        if self.choices and len(self.choices) <= 3:
            return "|".join(self.choices)
        return "…"


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]
    description: str
    handler: Handler
    options: tuple[Option, ...] = ()
    role: Role = Role.MEMBER
    private: bool = False
    # Slow commands (imports, exports) are deferred by chat adapters before they run.
    slow: bool = False
    examples: tuple[str, ...] = ()
    # False: the command only reads (a look-up). A replayed delivery of it is harmless, so it
    # runs without a durable replay record, and answers from memory while the database is
    # down; a write attempted in it is refused as a bug. True (the safe default): its first
    # write carries the record (storage/replay.py).
    writes: bool = True

    @property
    def name(self) -> str:
        return " ".join(self.path)

    def usage(self) -> str:
        args = " ".join(o.usage() for o in self.options if o.type is not OptionType.ATTACHMENT)
        files = [o for o in self.options if o.type is OptionType.ATTACHMENT]
        suffix = " (attach a file)" if files else ""
        return f"/{self.name}{' ' + args if args else ''}{suffix}"

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)


class Registry:
    """Every command and autocomplete source, in declaration order."""

    def __init__(self) -> None:
        self._commands: dict[tuple[str, ...], Command] = {}
        self.autocomplete_sources: dict[str, AutocompleteSource] = {}

    def add(self, command: Command) -> None:
        if command.path in self._commands:
            raise ValueError(f"command /{command.name} declared twice")
        if not 1 <= len(command.path) <= 2:
            raise ValueError(f"/{command.name}: a command is a name or a group and a name")
        self._commands[command.path] = command

    def add_all(self, commands: Iterable[Command]) -> None:
        for command in commands:
            self.add(command)

    def add_autocomplete(self, name: str, source: AutocompleteSource) -> None:
        self.autocomplete_sources[name] = source

    def include(self, command_set: CommandSet) -> None:
        self.add_all(command_set.commands)
        for name, source in command_set.autocomplete_sources.items():
            self.add_autocomplete(name, source)

    def get(self, path: tuple[str, ...]) -> Command | None:
        return self._commands.get(path)

    def commands(self) -> list[Command]:
        return list(self._commands.values())

    def top_level_names(self) -> list[str]:
        """Top-level names: plain commands and groups, each once, in order."""
        return list(dict.fromkeys(path[0] for path in self._commands))

    def group(self, name: str) -> list[Command]:
        return [c for c in self._commands.values() if c.path[0] == name and len(c.path) == 2]

    def is_group(self, name: str) -> bool:
        return any(len(path) == 2 and path[0] == name for path in self._commands)


class CommandSet:
    """The commands of one feature module, declared beside their handlers by decorators.

    `group` names the command group (`/ring lookup`); without one each command is top-level.
    `role` and `private` are the set's defaults; a command may say otherwise.
    """

    def __init__(
        self, *, group: str | None = None, role: Role = Role.MEMBER, private: bool = False
    ) -> None:
        self.group = group
        self.role = role
        self.private = private
        self.commands: list[Command] = []
        self.autocomplete_sources: dict[str, AutocompleteSource] = {}

    def command(
        self,
        name: str,
        description: str,
        *options: Option,
        role: Role | None = None,
        private: bool | None = None,
        slow: bool = False,
        examples: Sequence[str] = (),
        writes: bool = True,
    ) -> Callable[[Handler], Handler]:
        path = (self.group, name) if self.group else (name,)

        def declare(handler: Handler) -> Handler:
            self.commands.append(
                Command(
                    path=path,
                    description=description,
                    handler=handler,
                    options=options,
                    role=self.role if role is None else role,
                    private=self.private if private is None else private,
                    slow=slow,
                    examples=tuple(examples),
                    writes=writes,
                )
            )
            return handler

        return declare

    def autocomplete(self, name: str) -> Callable[[AutocompleteSource], AutocompleteSource]:
        def declare(source: AutocompleteSource) -> AutocompleteSource:
            self.autocomplete_sources[name] = source
            return source

        return declare

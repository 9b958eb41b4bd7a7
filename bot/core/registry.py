"""The command registry: console, Discord and Slack are generated from it.

Each feature declares its commands beside their handlers, with a `CommandSet`; the options
are the handler's parameters after the `Ctx` (bot.core.signatures reads them):

    COMMANDS = CommandSet(group="ring")

    @COMMANDS.command("lookup", "Does a police department partner with Ring?")
    async def lookup(ctx: Ctx, place: Place, share: Share = False) -> Reply: ...

Autocomplete sources are declared by name (`@COMMANDS.autocomplete("template")`, or in a
`Sources` of their own when several features share them), and `commands.build_registry`
gathers the sets, in the order help lists them, then `Registry.check`s the whole: a command
or a source declared twice, an option twice, or an option naming a source nobody declared
fails there with the name of what is wrong, before any platform starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from bot.core.models import Role
from bot.core.signatures import options_of
from bot.core.spec import (
    MAX_CHOICES,
    AutocompleteContext,
    AutocompleteSource,
    Choice,
    Command,
    Handler,
    Option,
    OptionType,
    SpecError,
)

__all__ = [
    "MAX_CHOICES",
    "AutocompleteContext",
    "AutocompleteSource",
    "Choice",
    "Command",
    "CommandSet",
    "Handler",
    "Option",
    "OptionType",
    "Registry",
    "Sources",
    "SpecError",
]

H = TypeVar("H", bound=Handler)


class Sources:
    """Autocomplete sources by name, declared with `@SOURCES.source("place")`."""

    def __init__(self) -> None:
        self.by_name: dict[str, AutocompleteSource] = {}

    def source(self, name: str) -> Callable[[AutocompleteSource], AutocompleteSource]:
        def declare(source: AutocompleteSource) -> AutocompleteSource:
            self.add(name, source)
            return source

        return declare

    def add(self, name: str, source: AutocompleteSource) -> None:
        if name in self.by_name:
            raise SpecError(f"autocomplete source {name!r} declared twice")
        self.by_name[name] = source


class Registry:
    """Every command and autocomplete source, in declaration order."""

    def __init__(self) -> None:
        self._commands: dict[tuple[str, ...], Command] = {}
        self._sources = Sources()

    @property
    def autocomplete_sources(self) -> dict[str, AutocompleteSource]:
        return self._sources.by_name

    def add(self, command: Command) -> None:
        if command.path in self._commands:
            raise SpecError(f"command /{command.name} declared twice")
        if not 1 <= len(command.path) <= 2:
            raise SpecError(f"/{command.name}: a command is a name or a group and a name")
        names = [o.name for o in command.options]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise SpecError(f"/{command.name}: option {twice[0]!r} declared twice")
        self._commands[command.path] = command

    def add_all(self, commands: Iterable[Command]) -> None:
        for command in commands:
            self.add(command)

    def add_autocomplete(self, name: str, source: AutocompleteSource) -> None:
        self._sources.add(name, source)

    def include(self, command_set: CommandSet) -> None:
        self.add_all(command_set.commands)
        self.include_sources(command_set.sources)

    def include_sources(self, sources: Sources) -> None:
        for name, source in sources.by_name.items():
            self.add_autocomplete(name, source)

    def check(self) -> None:
        """Every option's autocomplete source exists (run once everything is included)."""
        for command in self._commands.values():
            for option in command.options:
                if option.autocomplete and option.autocomplete not in self.autocomplete_sources:
                    known = ", ".join(sorted(self.autocomplete_sources)) or "none"
                    raise SpecError(
                        f"/{command.name}: option {option.name!r} names the autocomplete"
                        f" source {option.autocomplete!r}, which nobody declares (known: {known})"
                    )

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


def declare(
    path: tuple[str, ...],
    description: str,
    handler: Handler,
    *,
    role: Role = Role.MEMBER,
    private: bool = False,
    slow: bool = False,
    examples: Sequence[str] = (),
    writes: bool = True,
) -> Command:
    """The Command a handler declares: its options read from its signature."""
    return Command(
        path=path,
        description=description,
        handler=handler,
        options=options_of(handler),
        role=role,
        private=private,
        slow=slow,
        examples=tuple(examples),
        writes=writes,
    )


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
        self.sources = Sources()

    def command(
        self,
        name: str,
        description: str,
        *,
        role: Role | None = None,
        private: bool | None = None,
        slow: bool = False,
        examples: Sequence[str] = (),
        writes: bool = True,
    ) -> Callable[[H], H]:
        path = (self.group, name) if self.group else (name,)

        def declare_handler(handler: H) -> H:
            command = declare(
                path,
                description,
                handler,
                role=self.role if role is None else role,
                private=self.private if private is None else private,
                slow=slow,
                examples=examples,
                writes=writes,
            )
            self.commands.append(command)
            return handler

        return declare_handler

    def autocomplete(self, name: str) -> Callable[[AutocompleteSource], AutocompleteSource]:
        return self.sources.source(name)

"""What a command is, as the platforms see it: its path, its options and who may run it.

Discord's command sync, Slack's manifest and modals, the console's grammar and /help are
all generated from these records. Features do not write them by hand: `CommandSet`
(bot.core.registry) derives them from each handler's signature (bot.core.signatures).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from bot.core.models import Attachment, Reply, Role

if TYPE_CHECKING:
    from bot.core.deps import Deps

# `handler(ctx, **options)`: the Ctx (bot.core.context), then each option by its parameter
# name, typed as the signature says. Declared loosely here because each handler has its own.
Handler = Callable[..., Awaitable[Reply]]


class SpecError(ValueError):
    """A command declared wrongly: raised while the registry is built, never at run time."""


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
    # true or false, offered on every platform as the two choices "true" and "false"
    BOOLEAN = "boolean"
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

    # The handler's keyword for it; "" for the option's name with '-' as '_' ('as-of': as_of).
    parameter_name: str = ""

    @property
    def parameter(self) -> str:
        return self.parameter_name or self.name.replace("-", "_")

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

    def arguments(
        self, values: Mapping[str, object], attachments: tuple[Attachment, ...]
    ) -> dict[str, Any]:
        """The handler's keyword arguments: each option given, already validated and typed
        (bot.core.options); an option left out is not passed, so the handler's default
        applies. An attachment option receives the first file sent."""
        arguments: dict[str, Any] = {}
        for option in self.options:
            if option.type is OptionType.ATTACHMENT:
                if attachments:
                    arguments[option.parameter] = attachments[0]
            elif option.name in values:
                arguments[option.parameter] = values[option.name]
        return arguments

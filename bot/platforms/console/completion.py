"""Tab completion at the console: command names, subcommands, option names (`name:`) and
values, from the same autocomplete sources the chat platforms use (places, companies,
templates, campaigns) and from an option's fixed choices."""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Callable, Iterable
from dataclasses import dataclass

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from bot.core.dispatch import Dispatcher, Identity
from bot.core.errors import UserError
from bot.core.grammar import resolve_command, tokenize
from bot.core.registry import AutocompleteContext, Command, Option, OptionType

# Commands the console adds to the chat registry (they act on the console itself).
CONSOLE_COMMANDS = ("/as", "/quit")
_KEYWORD = re.compile(r"^([a-z][a-z0-9_-]*):(.*)$", re.DOTALL)
_LAST_WORD = re.compile(r"\S*$")


@dataclass(frozen=True)
class Suggestion:
    text: str  # what replaces the last `replace` characters before the cursor
    replace: int
    label: str


async def suggestions(dispatcher: Dispatcher, identity: Identity, text: str) -> list[Suggestion]:
    """What Tab may put in place of the end of `text` (the line up to the cursor)."""
    current = _LAST_WORD.search(text)
    word = current.group() if current else ""
    try:
        words = tokenize(text[: len(text) - len(word)])
    except UserError:
        return []  # an open quote before the word: nothing sensible to offer
    registry = dispatcher.registry
    if not words:
        names = [f"/{name}" for name in registry.top_level_names()] + list(CONSOLE_COMMANDS)
        return _words(names, word)
    group = words[0].lstrip("/").lower()
    if len(words) == 1 and registry.is_group(group):
        return _words([c.path[1] for c in registry.group(group)], word)
    try:
        command, args = resolve_command(registry, words)
    except UserError:
        return []
    context = AutocompleteContext(identity.platform, identity.workspace, identity.user_id)
    return await _for_command(dispatcher, context, command, args, text, word)


async def _for_command(
    dispatcher: Dispatcher,
    context: AutocompleteContext,
    command: Command,
    args: list[str],
    text: str,
    word: str,
) -> list[Suggestion]:
    keyed = _KEYWORD.match(word)
    option = command.option(keyed.group(1)) if keyed else None
    if keyed and option is not None:  # `place:Green` -> values of that option
        typed = keyed.group(2).lstrip("\"'")
        values = await _values(dispatcher, context, option, typed)
        return [Suggestion(f"{option.name}:{_quoted(v)}", len(word), label) for v, label in values]
    given = {m.group(1) for m in map(_KEYWORD.match, args) if m and command.option(m.group(1))}
    positionals = [a for a in args if a.split(":", 1)[0] not in given]
    slots = [o for o in command.options if o.name not in given]
    slots = [o for o in slots if o.type is not OptionType.ATTACHMENT]
    found: list[Suggestion] = []
    slot = _slot_for(slots, len(positionals))
    if slot is not None:
        option, first = slot
        if option.greedy:  # the value is every word from the option's first one
            typed, replace = _greedy_value(text, positionals[first:], word)
        else:
            typed, replace = word, len(word)
        for value, label in await _values(dispatcher, context, option, typed):
            found.append(Suggestion(value if option.greedy else _quoted(value), replace, label))
    names = [f"{o.name}:" for o in slots if o.name.startswith(word) and not keyed]
    found += [Suggestion(name, len(word), name) for name in names if word or not found]
    return found


def _slot_for(slots: list[Option], filled: int) -> tuple[Option, int] | None:
    """The option the next positional word goes to, and the index of its first word."""
    for index, option in enumerate(slots):
        if option.greedy:
            return (option, index) if index <= filled else None
        if index == filled:
            return option, index
    return None


def _greedy_value(text: str, before: list[str], word: str) -> tuple[str, int]:
    """The greedy value typed so far and how many characters of `text` it spans. Its words
    are found again in the raw text; when that is ambiguous (quotes, a `key:value` among
    them) only the last word counts."""
    typed = [*before, word] if word else before
    raw = list(re.finditer(r"\S+", text))[-len(typed) :] if typed else []
    if not before or [m.group() for m in raw] != typed:
        return word, len(word)
    start = raw[0].start()
    return text[start:], len(text) - start


async def _values(
    dispatcher: Dispatcher, context: AutocompleteContext, option: Option, typed: str
) -> list[tuple[str, str]]:
    if option.choices:
        folded = typed.casefold()
        return [(c, c) for c in option.choices if c.casefold().startswith(folded)]
    if option.autocomplete is None:
        return []
    choices = await dispatcher.autocomplete(option.autocomplete, context, typed)
    return [(c.value, c.label) for c in choices]


def _quoted(value: str) -> str:
    if value and not any(c.isspace() or c in "\"'\\" for c in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _words(candidates: Iterable[str], word: str) -> list[Suggestion]:
    folded = word.casefold()
    return [Suggestion(c, len(word), c) for c in candidates if c.casefold().startswith(folded)]


class ConsoleCompleter(Completer):
    """prompt-toolkit's side: asks `suggestions` for whoever is typing now."""

    def __init__(self, dispatcher: Dispatcher, who: Callable[[], Identity]) -> None:
        self._dispatcher = dispatcher
        self._who = who

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterable[Completion]:
        return ()  # completion is asynchronous (the sources read the database)

    async def get_completions_async(
        self, document: Document, complete_event: CompleteEvent
    ) -> AsyncGenerator[Completion, None]:
        found = await suggestions(self._dispatcher, self._who(), document.text_before_cursor)
        for item in found:
            yield Completion(item.text, start_position=-item.replace, display=item.label)

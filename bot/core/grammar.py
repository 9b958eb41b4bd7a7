"""The one text grammar, shared by the console and Slack:

    /group sub positional "quoted words" key:value

Positionals fill the command's options in declared order; a greedy option takes
all the remaining words, so `/ring lookup Greenfield, WI` needs no quotes (options
declared after a greedy one are then given as key:value).
"""

from __future__ import annotations

import re

from bot.core.errors import UsageError, UserError
from bot.core.registry import Command, Option, OptionType, Registry
from lexicon.i18n import N_, _

MAX_LINE = 4000  # a whole command line; individual options have their own caps
_KEYWORD = re.compile(r"^([a-z][a-z0-9_-]*):(.*)$", re.DOTALL)
# shlex's posix whitespace: exactly these four (a no-break space is part of a word).
_WHITESPACE = frozenset(" \t\r\n")
_WORD = re.compile(r"[^ \t\r\n]+")
_SPECIAL = re.compile(r"['\"\\]")
_UNBALANCED = N_('Unbalanced quotes: close every " you open.')
_KEY_PREFIX = re.compile(r"^[a-z][a-z0-9_-]*:$")  # a quote may open a `key:` value


def tokenize(text: str) -> list[str]:
    """Split a line into words as `shlex` does in posix mode with whitespace_split and no
    comment characters ('#' is ordinary text: a hashtag, an issue number), with one change:
    a straight ' quotes only where a quote can begin, at the start of a word (or of a
    `key:` value) and with a closing ' that ends a word. Anywhere else it is an apostrophe:
    `Hall County Sheriff's Office`, `O'Fallon`, `Coeur d'Alene` are taken as typed.

    Written by hand because it runs on every chat command: shlex reads one character at a
    time through a file object (~10 us a line); a line without quotes or backslashes (most
    of them) is one regex scan here, and the rest a single pass.
    """
    if len(text) > MAX_LINE:
        raise UserError(
            _("That command is too long ({length} characters; at most {most}).").format(
                length=len(text), most=MAX_LINE
            )
        )
    if _SPECIAL.search(text) is None:
        return _WORD.findall(text)
    return _split_quoted(text)


def _split_quoted(text: str) -> list[str]:
    tokens: list[str] = []
    word: list[str] = []
    in_word = False  # a word has begun (it may still be empty: "" is a word)
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char in _WHITESPACE:
            if in_word:
                tokens.append("".join(word))
                word, in_word = [], False
            i += 1
            continue
        starts_word = not in_word
        in_word = True
        if char == "'":
            may_open = starts_word or _KEY_PREFIX.match("".join(word)) is not None
            close = _closing_quote(text, i + 1) if may_open else -1
            if close < 0:  # an apostrophe, not a quote
                word.append(char)
                i += 1
            else:  # single quotes: everything literal up to the closing '
                word.append(text[i + 1 : close])
                i = close + 1
        elif char == '"':
            i = _read_double_quoted(text, i + 1, word)
        elif char == "\\":  # outside quotes a backslash takes the next character as it is
            if i + 1 >= end:
                raise UsageError(_(_UNBALANCED))
            word.append(text[i + 1])
            i += 2
        else:
            i += 1
            word.append(char)
    if in_word:
        tokens.append("".join(word))
    return tokens


def _closing_quote(text: str, start: int) -> int:
    """The index of the ' that closes a quote opened before `start`: the next ' that ends
    a word (followed by whitespace or the end of the line); -1 when there is none."""
    close = text.find("'", start)
    while close >= 0:
        if close + 1 == len(text) or text[close + 1] in _WHITESPACE:
            return close
        close = text.find("'", close + 1)
    return -1


def _read_double_quoted(text: str, i: int, word: list[str]) -> int:
    """Append the inside of a "..." that starts at `i`; return the index after the closing ".
    Inside, a backslash escapes only " and itself; before anything else it stays."""
    end = len(text)
    while i < end:
        char = text[i]
        if char == '"':
            return i + 1
        if char == "\\":
            if i + 1 >= end:
                raise UsageError(_(_UNBALANCED))
            following = text[i + 1]
            word.append(following if following in '"\\' else char + following)
            i += 2
            continue
        word.append(char)
        i += 1
    raise UsageError(_(_UNBALANCED))


def resolve_command(registry: Registry, tokens: list[str]) -> tuple[Command, list[str]]:
    """Find the command named by the first one or two tokens; return it and the rest."""
    if not tokens:
        raise UsageError(_("Type a command, for example /help."))
    name = tokens[0].lstrip("/").lower()
    if len(tokens) >= 2:
        found = registry.get((name, tokens[1].lower()))
        if found is not None:  # the usual case, settled without listing the group
            return found, tokens[2:]
    if registry.is_group(name):
        subcommands = registry.group(name)
        names = ", ".join(c.path[1] for c in subcommands)
        if len(tokens) < 2:
            raise UsageError(
                _("/{name} needs a subcommand: {names}.").format(name=name, names=names)
            )
        command = registry.get((name, tokens[1].lower()))
        if command is None:
            raise UsageError(
                _("/{name} has no subcommand {typed!r}; choose one of: {names}.").format(
                    name=name, typed=tokens[1][:40], names=names
                )
            )
        return command, tokens[2:]
    command = registry.get((name,))
    if command is None:
        raise UserError(
            _("Unknown command /{name}. Type /help to see them all.").format(name=name[:40])
        )
    return command, tokens[1:]


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
            token = positionals.pop(0)
            _check_position(command, option, token, slots)
            raw[option.name] = token
    if positionals:
        extra = " ".join(positionals)[:60]
        raise UsageError(
            _("Too many arguments ({extra!r}). Usage: {usage}").format(
                extra=extra, usage=command.usage()
            )
        )
    return raw


def _check_position(command: Command, option: Option, token: str, slots: list[Option]) -> None:
    """A word that cannot be the next option but fits a later one was most likely meant for
    the later one, with the optional ones between left out: say so, and how to write it."""
    if option.required or _fits(option, token) or len(token) > 40 or not token.isprintable():
        return  # only an optional one can be left out; else the option's own check speaks
    later = slots[slots.index(option) + 1 :]
    meant = next((o for o in later if _fits(o, token) and not o.greedy), None)
    if meant is None:
        return  # the option's own check gives the reason
    written = f'"{token}"' if " " in token else token
    raise UsageError(
        _(
            "{token!r} cannot be {option} ({kind}); to give it as {meant}, type"
            " {meant}:{written}. Usage: {usage}"
        ).format(
            token=token,
            option=option.name,
            kind=_kind(option),
            meant=meant.name,
            written=written,
            usage=command.usage(),
        )
    )


def _fits(option: Option, token: str) -> bool:
    if option.choices:
        return token.lower() in (c.lower() for c in option.choices)
    if option.type is OptionType.INTEGER:
        return re.fullmatch(r"[+-]?\d+", token.strip()) is not None
    if option.type is OptionType.DATE:
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", token.strip()) is not None
    return True


def _kind(option: Option) -> str:
    if option.choices:
        return _("one of {choices}").format(choices=", ".join(option.choices))
    if option.type is OptionType.INTEGER:
        return _("a whole number")
    if option.type is OptionType.DATE:
        return _("a date, YYYY-MM-DD")
    return _("text")

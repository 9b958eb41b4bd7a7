from __future__ import annotations

import pytest

from bot.core.errors import UsageError, UserError
from bot.core.models import Reply
from bot.core.registry import Command, Option, Registry
from tests.grammar_lines import parse_line


async def _noop(ctx: object) -> Reply:
    return Reply(text="ok")


def _registry() -> Registry:
    registry = Registry()
    registry.add(
        Command(
            ("ring", "lookup"), "Look up", _noop, options=(Option("place", "Place", greedy=True),)
        )
    )
    registry.add(
        Command(
            ("ring", "stats"), "Stats", _noop, options=(Option("state", "State", required=False),)
        )
    )
    registry.add(
        Command(
            ("letter", "draft"),
            "Draft",
            _noop,
            options=(
                Option("template", "T"),
                Option("place", "P", required=False, greedy=True),
                Option("signer", "S", required=False),
            ),
        )
    )
    registry.add(Command(("help",), "Help", _noop))
    return registry


def test_greedy_option_takes_remaining_words() -> None:
    parsed = parse_line(_registry(), "/ring lookup Greenfield, WI")
    assert parsed.command.path == ("ring", "lookup")
    assert parsed.raw_options == {"place": "Greenfield, WI"}


def test_quotes_and_keywords() -> None:
    parsed = parse_line(_registry(), '/letter draft ring-council "Fond du Lac" signer:"Ana Ruiz"')
    assert parsed.raw_options == {
        "template": "ring-council",
        "place": "Fond du Lac",
        "signer": "Ana Ruiz",
    }


def test_url_is_not_mistaken_for_keyword() -> None:
    parsed = parse_line(_registry(), "/ring lookup https://example.org/x")
    assert parsed.raw_options == {"place": "https://example.org/x"}


def test_unknown_command_and_subcommand() -> None:
    with pytest.raises(UserError, match="Unknown command /nope"):
        parse_line(_registry(), "/nope")
    with pytest.raises(UsageError, match=r"no subcommand 'fly'.*lookup, stats"):
        parse_line(_registry(), "/ring fly")
    with pytest.raises(UsageError, match="needs a subcommand"):
        parse_line(_registry(), "/ring")


def test_extra_arguments_and_bad_quotes() -> None:
    with pytest.raises(UsageError, match=r"Too many arguments.*Usage: /ring stats"):
        parse_line(_registry(), "/ring stats WI extra")
    with pytest.raises(UsageError, match="Unbalanced quotes"):
        parse_line(_registry(), '/ring lookup "Greenfield')


def test_overlong_line() -> None:
    with pytest.raises(UserError, match="too long"):
        parse_line(_registry(), "/ring lookup " + "x" * 5000)

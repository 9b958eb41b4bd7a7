"""A command's options are read from its handler's signature, and a command declared
wrongly fails when the registry is built, naming what is wrong."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import pytest

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Attachment, Reply
from bot.core.registry import AutocompleteContext, Choice, CommandSet, Registry, Sources
from bot.core.signatures import FactDate, Opt
from bot.core.spec import OptionType, SpecError
from tests.conftest import identity

Place = Annotated[str, Opt("City, ST", max_length=120, autocomplete="place", greedy=True)]
Share = Annotated[bool, Opt("true: post it to the channel")]
Goal = Annotated[int | None, Opt("How many", min_value=1, max_value=9)]
AsOf = Annotated[dt.date | None, Opt("Date the file describes")]
Since = Annotated[FactDate | None, Opt("When it began")]
File = Annotated[Attachment | None, Opt("A CSV")]
Typed = Annotated[str, Opt("A state", max_length=40, name="state")]
Kind = Annotated[str, Opt("What kind", choices=("ban", "moratorium"))]
Untyped = Annotated[list[str], Opt("Several")]
Twice = Annotated[str, Opt("one", name="word")]
Word = Annotated[str, Opt("A word")]
Mute = Annotated[str, Opt(" ")]


async def places(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
    return [Choice("Greenfield, WI", "Greenfield, WI")]


def _sources() -> Sources:
    sources = Sources()
    sources.source("place")(places)
    return sources


def _built(commands: CommandSet) -> Registry:
    registry = Registry()
    registry.include_sources(_sources())
    registry.include(commands)
    registry.check()
    return registry


def test_the_signature_is_the_spec() -> None:
    commands = CommandSet(group="ring")

    @commands.command("lookup", "Look up a place")
    async def lookup(
        ctx: Ctx,
        place: Place,
        kind: Kind,
        share: Share = False,
        goal: Goal = None,
        as_of: AsOf = None,
        since: Since = None,
        file: File = None,
        typed: Typed = "",
    ) -> Reply:
        return Reply(text="ok")

    command = _built(commands).get(("ring", "lookup"))
    assert command is not None
    spec = {o.name: o for o in command.options}
    assert list(spec) == ["place", "kind", "share", "goal", "as-of", "since", "file", "state"]
    place = spec["place"]
    assert (place.type, place.required, place.max_length) == (OptionType.STRING, True, 120)
    assert (place.autocomplete, place.greedy, place.description) == ("place", True, "City, ST")
    assert spec["kind"].choices == ("ban", "moratorium") and spec["kind"].required
    assert (spec["share"].type, spec["share"].choices) == (OptionType.BOOLEAN, ("true", "false"))
    assert not spec["share"].required and spec["share"].max_length == 5
    assert (spec["goal"].type, spec["goal"].min_value, spec["goal"].max_value) == (
        OptionType.INTEGER, 1, 9,
    )  # fmt: skip
    assert spec["as-of"].type is OptionType.DATE and spec["as-of"].parameter == "as_of"
    assert spec["since"].type is OptionType.FACT_DATE
    assert spec["file"].type is OptionType.ATTACHMENT
    assert spec["state"].parameter == "typed" and spec["state"].max_length == 40


async def test_the_handler_gets_typed_keyword_arguments(deps: Deps) -> None:
    got: list[dict[str, object]] = []
    commands = CommandSet()

    @commands.command("lookup", "Look up a place")
    async def lookup(ctx: Ctx, place: Place, share: Share = False, as_of: AsOf = None) -> Reply:
        got.append({"place": place, "share": share, "as_of": as_of, "who": ctx.user_id})
        return Reply(text="ok")

    dispatcher = Dispatcher(_built(commands), deps)
    await dispatcher.run_text(identity(), "/lookup Greenfield, WI")
    await dispatcher.run_text(identity(), "/lookup share:true as-of:2020-10-07 Greenfield, WI")
    assert got == [
        {"place": "Greenfield, WI", "share": False, "as_of": None, "who": "U1"},
        {"place": "Greenfield, WI", "share": True, "as_of": dt.date(2020, 10, 7), "who": "U1"},
    ]


def test_a_parameter_without_a_spec_fails() -> None:
    commands = CommandSet()
    with pytest.raises(SpecError, match=r"spec_fails\.<locals>\.plain: parameter 'place' has no"):

        @commands.command("plain", "No spec")
        async def plain(ctx: Ctx, place: str) -> Reply:
            return Reply(text="ok")


def test_an_option_without_a_description_fails() -> None:
    commands = CommandSet()
    with pytest.raises(SpecError, match="parameter 'word' needs a description"):

        @commands.command("quiet", "No help")
        async def quiet(ctx: Ctx, word: Mute) -> Reply:
            return Reply(text="ok")


def test_an_option_of_a_type_no_platform_takes_fails() -> None:
    commands = CommandSet()
    with pytest.raises(SpecError, match=r"parameter 'several' has type list\[str\]"):

        @commands.command("many", "A list")
        async def many(ctx: Ctx, several: Untyped) -> Reply:
            return Reply(text="ok")


def test_a_handler_without_ctx_first_fails() -> None:
    commands = CommandSet()
    with pytest.raises(SpecError, match="the first parameter must be `ctx: Ctx`"):

        @commands.command("old", "The old shape")
        async def old(place: Place, ctx: Ctx) -> Reply:
            return Reply(text="ok")


def test_a_duplicate_option_fails() -> None:
    commands = CommandSet()
    with pytest.raises(SpecError, match="option 'word' declared twice"):

        @commands.command("echo", "Two options called word")
        async def echo(ctx: Ctx, word: Word, typed: Twice) -> Reply:
            return Reply(text="ok")


def test_an_unknown_autocomplete_source_fails_at_registry_build() -> None:
    commands = CommandSet()

    @commands.command("lookup", "Look up a place")
    async def lookup(ctx: Ctx, place: Place) -> Reply:
        return Reply(text="ok")

    registry = Registry()
    registry.include(commands)  # no "place" source anywhere
    with pytest.raises(SpecError, match="'place' names the autocomplete source 'place'"):
        registry.check()


def test_an_autocomplete_source_declared_twice_fails() -> None:
    commands = CommandSet()
    commands.autocomplete("place")(places)
    registry = Registry()
    registry.include_sources(_sources())
    with pytest.raises(SpecError, match="autocomplete source 'place' declared twice"):
        registry.include(commands)
    with pytest.raises(SpecError, match="declared twice"):
        commands.autocomplete("place")(places)


def test_a_command_declared_twice_fails() -> None:
    first, second = CommandSet(), CommandSet()
    for commands in (first, second):

        @commands.command("echo", "Echo")
        async def echo(ctx: Ctx, word: Word) -> Reply:
            return Reply(text=word)

    registry = Registry()
    registry.include(first)
    with pytest.raises(SpecError, match="command /echo declared twice"):
        registry.include(second)


def test_the_production_registry_builds_and_checks() -> None:
    from commands import build_registry

    registry = build_registry()
    registry.check()
    assert registry.get(("ring", "lookup")) is not None

"""Per-member pacing in the dispatcher: generous for people, tight for loops; a cap on
expensive commands per workspace; autocomplete paced too. The clock is moved by hand."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Reply
from bot.core.pacing import BUSY, SLOW_DOWN, Pacing, Rate
from bot.core.registry import AutocompleteContext, Choice, Command, Registry
from tests.conftest import identity


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def release() -> asyncio.Event:
    return asyncio.Event()


@pytest.fixture
def paced(deps: Deps, clock: ManualClock, release: asyncio.Event) -> Dispatcher:
    async def ping(ctx: Ctx) -> Reply:
        return Reply(text="pong")

    async def export(ctx: Ctx) -> Reply:
        await release.wait()
        return Reply(text="exported")

    async def letters(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
        return [Choice("a", "a")]

    registry = Registry()
    registry.add_autocomplete("letters", letters)
    registry.add_all(
        [
            Command(("ping",), "Ping", ping),
            Command(("export",), "Export", export, slow=True),
        ]
    )
    pacing = Pacing(clock, commands=Rate(burst=5, per_second=0.5), slow_per_workspace=1)
    return Dispatcher(registry, deps, pacing=pacing)


async def test_a_person_is_not_slowed_but_a_loop_is(paced: Dispatcher, clock: ManualClock) -> None:
    replies = [await paced.run_text(identity(), "/ping") for _ in range(5)]
    assert [r.text for r in replies] == ["pong"] * 5  # a burst passes untouched
    loop = await paced.run_text(identity(), "/ping")
    assert loop.error and loop.text == SLOW_DOWN and "\n" not in loop.text
    other = await paced.run_text(identity(user_id="U2"), "/ping")
    assert other.text == "pong"  # one member's loop does not slow anyone else
    clock.now += 2.0  # the bucket refills: one more every 2 s
    assert (await paced.run_text(identity(), "/ping")).text == "pong"
    assert (await paced.run_text(identity(), "/ping")).text == SLOW_DOWN


async def test_options_are_paced_too(paced: Dispatcher) -> None:
    command = paced.registry.get(("ping",))
    assert command is not None
    texts = [(await paced.run_options(identity(), command, {})).text for _ in range(6)]
    assert texts == ["pong"] * 5 + [SLOW_DOWN]


async def test_expensive_commands_are_capped_per_workspace(
    paced: Dispatcher, release: asyncio.Event
) -> None:
    first = asyncio.create_task(paced.run_text(identity(user_id="U1"), "/export"))
    await asyncio.sleep(0)  # let it take the workspace's slot
    busy = await paced.run_text(identity(user_id="U2"), "/export")
    assert busy.error and busy.text == BUSY
    elsewhere = asyncio.create_task(paced.run_text(identity(workspace="W2"), "/export"))
    release.set()
    assert (await first).text == "exported" and (await elsewhere).text == "exported"
    assert (await paced.run_text(identity(user_id="U2"), "/export")).text == "exported"


async def test_autocomplete_over_the_pace_suggests_nothing(
    paced: Dispatcher, clock: ManualClock
) -> None:
    context = AutocompleteContext(platform="test", workspace="W1", user_id="U1")
    answers = [await paced.autocomplete("letters", context, "") for _ in range(60)]
    assert answers[0] == [Choice("a", "a")]
    assert answers[-1] == []
    clock.now += 1.0
    assert await paced.autocomplete("letters", context, "") == [Choice("a", "a")]


async def test_the_console_operator_is_not_paced(paced: Dispatcher) -> None:
    console = replace(identity(), platform="console")
    texts = {(await paced.run_text(console, "/ping")).text for _ in range(50)}
    assert texts == {"pong"}

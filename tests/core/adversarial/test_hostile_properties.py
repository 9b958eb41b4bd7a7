"""The same properties as the fixed corpus, on input hypothesis makes up: random lines through
`run_text` and random raw payloads (any type) through `run_options`, for any command and role.

Examples are bounded and hypothesis keeps no example database in the tree; a failure prints
the falsifying command, role and input, to be added to the fixed corpus as its regression.
"""

from __future__ import annotations

import shlex
from collections.abc import AsyncIterator
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.models import Reply, Role
from bot.core.registry import Command
from commands import build_registry
from tests.core.adversarial.corpus import NEUTRAL_FILE, hostile_text, raw_value
from tests.core.adversarial.world import (
    IDENTITIES,
    ChangeProbe,
    World,
    baseline_options,
    has_attachment_option,
    open_world,
    reply_problems,
    text_options,
)

REGISTRY = build_registry()
COMMANDS = REGISTRY.commands()
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
async def world(world_template: Path, tmp_path: Path) -> AsyncIterator[World]:
    # One world for all of a test's examples: each call is checked against the state just
    # before it, so what earlier examples changed does not matter.
    async with open_world(world_template, tmp_path) as opened:
        yield opened


@st.composite
def words(draw: st.DrawFn, command: Command) -> str:
    """One argument word: raw, quoted, or key:value for one of the command's options."""
    text = draw(hostile_text())
    form = draw(st.sampled_from(["raw", "quoted", "keyword"]))
    if form == "raw":
        return text
    if form == "quoted" or not text_options(command):
        return shlex.quote(text)
    return f"{draw(st.sampled_from(text_options(command)))}:{shlex.quote(text)}"


@st.composite
def lines(draw: st.DrawFn) -> tuple[Command, Role, str]:
    command = draw(st.sampled_from(COMMANDS))
    args = draw(st.lists(words(command), max_size=5))
    return command, draw(st.sampled_from(list(Role))), " ".join([f"/{command.name}", *args])


@st.composite
def payloads(draw: st.DrawFn) -> tuple[Command, Role, dict[str, object], bool]:
    command = draw(st.sampled_from(COMMANDS))
    names = text_options(command) or ["nosuch"]
    raw: dict[str, object] = {}
    if draw(st.booleans()):
        raw.update(baseline_options(command, REGISTRY))
    raw.update(draw(st.dictionaries(st.sampled_from(names), raw_value(), max_size=3)))
    with_file = has_attachment_option(command) and draw(st.booleans())
    return command, draw(st.sampled_from(list(Role))), raw, with_file


def check(world: World, probe: ChangeProbe, command: Command, role: Role,
                reply: Reply, hostile: str) -> None:  # fmt: skip
    problems = reply_problems(reply, probe.changed_tables(), hostile, small_product=False)
    if role < command.role and not reply.error:
        problems.append("ran above the caller's role")
    assert not problems, f"{problems}: {reply.text[:200]!r}"


@SETTINGS
@given(case=lines())
async def test_random_lines_never_crash(world: World, case: tuple[Command, Role, str]) -> None:
    command, role, line = case
    with closing(ChangeProbe(world.path)) as probe:
        probe.start()
        reply = await world.dispatcher.run_text(IDENTITIES[role], line)
        check(world, probe, command, role, reply, line)


@SETTINGS
@given(case=payloads())
async def test_random_payloads_never_crash(
    world: World, case: tuple[Command, Role, dict[str, object], bool]
) -> None:
    command, role, raw, with_file = case
    with closing(ChangeProbe(world.path)) as probe:
        probe.start()
        files = (NEUTRAL_FILE,) if with_file else ()
        reply = await world.dispatcher.run_options(IDENTITIES[role], command, dict(raw), files)
        hostile = " ".join(v for v in raw.values() if isinstance(v, str))
        check(world, probe, command, role, reply, hostile)

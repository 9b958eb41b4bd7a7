"""Every registered command, for every role, against a fixed corpus of hostile input.

Properties checked on each call: no incident (a crash), no exception out of the dispatcher,
an error reply is one non-empty line and changes nothing in the database, a refusal records
no user text, and `{{ 7*7 }}` never comes back evaluated.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from bot.core.models import Reply, Role
from bot.core.refusals import FACTS_ADMINS_ONLY
from bot.core.registry import Command
from commands import build_registry
from tests.core.adversarial.cases import Case, all_cases, refused_cases
from tests.core.adversarial.world import (
    IDENTITIES,
    ChangeProbe,
    World,
    baseline_options,
    open_world,
    reply_problems,
)

REGISTRY = build_registry()
COMMAND_ROLES = [(c.path, role) for c in REGISTRY.commands() for role in Role]


def case_id(value: object) -> str:
    if isinstance(value, tuple):
        return "-".join(value)
    return value.name.lower() if isinstance(value, Role) else str(value)


async def run_cases(world: World, command: Command, role: Role, cases: list[Case]) -> list[str]:
    with closing(ChangeProbe(world.path)) as probe:
        return await _run_cases(world, probe, command, role, cases)


async def _run_cases(
    world: World, probe: ChangeProbe, command: Command, role: Role, cases: list[Case]
) -> list[str]:
    who = IDENTITIES[role]
    probe.start()
    failures: list[str] = []
    for case in cases:
        refused_before = probe.refused  # as of the last look, after the previous case
        try:
            reply = await case.run(world.dispatcher, who, command)
        except Exception as exc:  # the dispatcher must answer, never raise
            failures.append(f"{case.name}: raised {type(exc).__name__}")
            probe.changed_tables()
            continue
        problems = reply_problems(reply, probe.changed_tables(), case.hostile)
        if case.must_refuse and not reply.error:
            problems.append("accepted control characters")
        if role < command.role:
            problems += await refusal_problems(world, probe, refused_before, case, command, reply)
        if problems:
            failures.append(f"{case.name}: {'; '.join(problems)} -> {reply.text[:150]!r}")
    return failures


async def refusal_problems(
    world: World, probe: ChangeProbe, before: int, case: Case, command: Command, reply: Reply
) -> list[str]:
    """A refusal is recorded once, without user text. A line that names no command (too
    long, unbalanced quotes) is turned away before any command is known: nothing recorded."""
    if not reply.error:
        return ["ran above the caller's role"]
    refused = reply.text in (
        f"/{command.name} is for {command.role.name.lower()}s only.",
        FACTS_ADMINS_ONLY.format(name=command.name),
    )
    if probe.refused != before + (1 if refused else 0):  # read with the changed tables
        return ["refusal not recorded exactly once"]
    if not refused:
        return []
    row = await world.db.fetchone("SELECT * FROM refusals ORDER BY id DESC LIMIT 1")
    assert row is not None
    if len(case.hostile.strip()) >= 3 and case.hostile in repr(tuple(row)):
        return ["refusal record holds user text"]
    return []


@pytest.mark.parametrize(("path", "role"), COMMAND_ROLES, ids=case_id)
async def test_hostile_input_is_refused_cleanly(
    world_template: Path, tmp_path: Path, path: tuple[str, ...], role: Role
) -> None:
    async with open_world(world_template, tmp_path) as world:
        command = world.registry.get(path)
        assert command is not None
        baseline = baseline_options(command, world.registry)
        if role < command.role:
            cases = refused_cases(command, baseline)
        else:
            cases = all_cases(command, baseline)
        failures = await run_cases(world, command, role, cases)
    assert not failures, f"/{command.name} as {role.name.lower()}:\n" + "\n".join(failures)

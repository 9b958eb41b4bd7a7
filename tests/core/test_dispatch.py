from __future__ import annotations

import logging
from typing import Annotated

import pytest

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.errors import UserError
from bot.core.models import Reply, Request, Role
from bot.core.registry import Command, CommandSet, Registry
from bot.core.signatures import Opt
from tests.conftest import identity

# What each run handler was given: its Ctx and its options, by keyword.
Call = tuple[Ctx, dict[str, object]]
ShortWord = Annotated[str, Opt("w", max_length=10)]
Word = Annotated[str, Opt("w")]
Count = Annotated[int | None, Opt("n", min_value=1, max_value=5)]


def _registry(calls: list[Call]) -> Registry:
    commands = CommandSet()

    @commands.command("echo", "Echo")
    async def echo(ctx: Ctx, word: ShortWord, n: Count = None) -> Reply:
        calls.append((ctx, {"word": word, "n": n}))
        return Reply(text=f"echo {word}")

    @commands.command("boom", "Boom")
    async def explode(ctx: Ctx, word: Word) -> Reply:
        raise RuntimeError("secret internal detail " + word)

    @commands.command("closed", "Closed")
    async def refuse(ctx: Ctx) -> Reply:
        raise UserError("That campaign is closed.")

    async def echo_word(ctx: Ctx, word: Word) -> Reply:
        calls.append((ctx, {"word": word}))
        return Reply(text=f"echo {word}")

    commands.command("admin-only", "Admin", role=Role.ADMIN)(echo_word)
    commands.command("secret", "Private", private=True)(echo_word)
    registry = Registry()
    registry.include(commands)
    return registry


@pytest.fixture
def calls() -> list[Call]:
    return []


@pytest.fixture
def disp(deps: Deps, calls: list[Call]) -> Dispatcher:
    return Dispatcher(_registry(calls), deps)


async def test_runs_command_with_typed_options(disp: Dispatcher, calls: list[Call]) -> None:
    reply = await disp.run_text(identity(), "/echo hi n:3")
    assert reply.text == "echo hi" and not reply.error
    assert calls[0][1] == {"word": "hi", "n": 3}


async def test_an_option_left_out_takes_the_handlers_default(
    disp: Dispatcher, calls: list[Call]
) -> None:
    await disp.run_text(identity(), "/echo hi")
    assert calls[0][1] == {"word": "hi", "n": None}


async def test_user_error_becomes_private_reply(disp: Dispatcher) -> None:
    reply = await disp.run_text(identity(), "/closed")
    assert reply.private and reply.error and reply.text == "That campaign is closed."


async def test_incident_hides_internals_and_logs_id(
    disp: Dispatcher, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="counterwatch.dispatch"):
        reply = await disp.run_text(identity(), "/boom userword")
    assert reply.error and reply.private
    assert "secret internal detail" not in reply.text and "Incident id:" in reply.text
    incident = reply.text.rstrip(".").rsplit(" ", 1)[-1]
    assert any(incident in r.getMessage() for r in caplog.records)


async def test_role_refusal_is_recorded(deps: Deps, calls: list[Call]) -> None:
    refused: list[tuple[str, str]] = []

    async def on_refusal(request: Request, command: Command) -> None:
        refused.append((request.user_id, command.name))

    disp = Dispatcher(_registry(calls), deps, on_refusal=on_refusal)
    reply = await disp.run_text(identity(Role.MEMBER), "/admin-only x")
    assert reply.error and "admins only" in reply.text
    assert refused == [("U1", "admin-only")] and calls == []
    ok = await disp.run_text(identity(Role.ADMIN, user_id="A"), "/admin-only x")
    assert not ok.error and len(calls) == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/echo", "Missing word"),
        ("/echo " + "x" * 11, "too long"),
        ("/echo hi n:0", "at least 1"),
        ("/echo hi n:abc", "whole number"),
        ("/echo a\x07b", "control characters"),
        ("/echo \u202egnp", "control characters"),
    ],
)
async def test_bad_input_gets_one_line_and_runs_nothing(
    disp: Dispatcher, calls: list[Call], line: str, expected: str
) -> None:
    reply = await disp.run_text(identity(), line)
    assert reply.error and expected in reply.text and "\n" not in reply.text
    assert calls == []


async def test_private_commands_reply_privately(disp: Dispatcher) -> None:
    reply = await disp.run_text(identity(), "/secret x")
    assert reply.private


async def test_identity_reaches_command(disp: Dispatcher, calls: list[Call]) -> None:
    who = Identity("slack", "T9", "U9", "Ana", Role.ORGANIZER, "C9")
    await disp.run_text(who, "/echo hi")
    ctx = calls[0][0]
    assert (ctx.platform, ctx.workspace, ctx.user_id, ctx.user_name) == ("slack", "T9", "U9", "Ana")
    assert (ctx.role, ctx.channel, ctx.path) == (Role.ORGANIZER, "C9", ("echo",))


async def test_refusal_comes_before_argument_errors(deps: Deps, calls: list[Call]) -> None:
    refused: list[tuple[str, dict[str, object]]] = []

    async def on_refusal(request: Request, command: Command) -> None:
        refused.append((command.name, dict(request.options)))

    disp = Dispatcher(_registry(calls), deps, on_refusal=on_refusal)
    # Missing argument and too many arguments: still a refusal, and nothing typed is kept.
    for line in ("/admin-only", "/admin-only a b c"):
        reply = await disp.run_text(identity(Role.MEMBER), line)
        assert reply.error and "admins only" in reply.text
    command = disp.registry.get(("admin-only",))
    assert command is not None
    split = await disp.run_options(identity(Role.MEMBER), command, {"word": "x" * 500})
    assert "admins only" in split.text
    assert refused == [("admin-only", {})] * 3 and calls == []


async def test_a_forged_option_name_is_echoed_short(disp: Dispatcher) -> None:
    command = disp.registry.get(("echo",))
    assert command is not None
    reply = await disp.run_options(identity(), command, {"word": "hi", "x" * 10_000: "v"})
    assert reply.error and "has no option 'xxxx" in reply.text and len(reply.text) < 200

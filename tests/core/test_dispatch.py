from __future__ import annotations

import logging

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.errors import UserError
from bot.core.models import Reply, Request, Role
from bot.core.registry import Command, Option, OptionType, Registry
from tests.conftest import identity


def _registry(calls: list[Request]) -> Registry:
    async def echo(request: Request, deps: Deps) -> Reply:
        calls.append(request)
        return Reply(text=f"echo {request.text('word')}")

    async def explode(request: Request, deps: Deps) -> Reply:
        raise RuntimeError("secret internal detail " + request.text("word"))

    async def refuse(request: Request, deps: Deps) -> Reply:
        raise UserError("That campaign is closed.")

    registry = Registry()
    registry.add(
        Command(
            ("echo",),
            "Echo",
            echo,
            options=(
                Option("word", "w", max_length=10),
                Option("n", "n", type=OptionType.INTEGER, required=False, min_value=1, max_value=5),
            ),
        )
    )
    registry.add(Command(("boom",), "Boom", explode, options=(Option("word", "w"),)))
    registry.add(Command(("closed",), "Closed", refuse))
    registry.add(
        Command(("admin-only",), "Admin", echo, role=Role.ADMIN, options=(Option("word", "w"),))
    )
    registry.add(
        Command(("secret",), "Private", echo, private=True, options=(Option("word", "w"),))
    )
    return registry


@pytest.fixture
def calls() -> list[Request]:
    return []


@pytest.fixture
def disp(deps: Deps, calls: list[Request]) -> Dispatcher:
    return Dispatcher(_registry(calls), deps)


async def test_runs_command_with_typed_options(disp: Dispatcher, calls: list[Request]) -> None:
    reply = await disp.run_text(identity(), "/echo hi n:3")
    assert reply.text == "echo hi" and not reply.error
    assert calls[0].options == {"word": "hi", "n": 3}


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


async def test_role_refusal_is_recorded(deps: Deps, calls: list[Request]) -> None:
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
    disp: Dispatcher, calls: list[Request], line: str, expected: str
) -> None:
    reply = await disp.run_text(identity(), line)
    assert reply.error and expected in reply.text and "\n" not in reply.text
    assert calls == []


async def test_private_commands_reply_privately(disp: Dispatcher) -> None:
    reply = await disp.run_text(identity(), "/secret x")
    assert reply.private


async def test_identity_reaches_command(disp: Dispatcher, calls: list[Request]) -> None:
    who = Identity("slack", "T9", "U9", "Ana", Role.ORGANIZER, "C9")
    await disp.run_text(who, "/echo hi")
    assert (calls[0].platform, calls[0].workspace, calls[0].user_id) == ("slack", "T9", "U9")


async def test_refusal_comes_before_argument_errors(deps: Deps, calls: list[Request]) -> None:
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

from __future__ import annotations

from bot.dispatch import Dispatcher, Identity
from bot.models import Role
from tests.conftest import identity


async def test_help_lists_every_registered_command(dispatcher: Dispatcher) -> None:
    reply = await dispatcher.run_text(identity(), "/help")
    for command in dispatcher.registry.commands():
        assert command.usage() in reply.text


async def test_help_for_one_command(dispatcher: Dispatcher) -> None:
    reply = await dispatcher.run_text(identity(), "/help help")
    assert reply.title == "/help" and "Usage: /help [command]" in reply.text


async def test_help_for_unknown_topic(dispatcher: Dispatcher) -> None:
    reply = await dispatcher.run_text(identity(), "/help teleport")
    assert reply.error and "No command called /teleport" in reply.text


async def test_help_names_the_platforms_help_command(dispatcher: Dispatcher) -> None:
    slack = Identity("slack", "T1", "U1", "Ana", Role.MEMBER)
    reply = await dispatcher.run_text(slack, "/help")
    assert "Type /counterwatch <command> for details." in reply.text
    console = await dispatcher.run_text(identity(), "/help")
    assert "Type /help <command> for details." in console.text

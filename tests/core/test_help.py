from __future__ import annotations

from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role, may_run
from tests.conftest import identity


async def test_help_lists_what_each_role_can_run(dispatcher: Dispatcher) -> None:
    standings = [(Role.MEMBER, False), (Role.ORGANIZER, False), (Role.ADMIN, False)]
    for role, facts_admin in [*standings, (Role.ADMIN, True)]:
        who = identity(role, facts_admin=facts_admin)
        reply = await dispatcher.run_text(who, "/help")
        hidden = 0
        for command in dispatcher.registry.commands():
            listed = f"{command.usage()} - " in reply.text
            assert listed == may_run(command.role, role, facts_admin), (role, command.name)
            hidden += not listed
        if hidden:
            assert f"{hidden} more are for" in reply.text
        else:
            assert "more are for" not in reply.text
    member = await dispatcher.run_text(identity(Role.MEMBER), "/help")
    assert "more are for organizers and admins." in member.text
    facts = await dispatcher.run_text(identity(Role.MEMBER), "/help facts")
    assert facts.text == "These commands are for facts admins."
    workspace_admin = await dispatcher.run_text(identity(Role.ADMIN, facts_admin=False), "/help")
    assert "more are for the operator's facts admins." in workspace_admin.text


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

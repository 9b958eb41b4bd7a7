"""Facts admins and workspace admins: the settings that name the operator's home, the
dispatcher's check, and the console (the operator at the machine).

Discord and Slack are tested over their real protocols in tests/platforms/*/
test_facts_authority.py; storage's redaction in tests/storage/test_viewer_redaction.py.
"""

from __future__ import annotations

import io

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.home import discord_facts_admin, home_line, slack_facts_admin
from bot.core.models import DIRECT_MESSAGES, Role
from bot.core.refusals import FACTS_ADMINS_ONLY
from bot.core.registry import Command
from bot.core.setting_values import SettingsError
from bot.core.settings import load_settings
from bot.platforms import console
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from storage.sql import Db
from tests.conftest import identity
from wiring import console_background

SET = (
    '/facts set-partnership "Smalltown Police Department" 2021-03-01 https://example.org/a'
    " create:yes state:WI city:Smalltown"
)
FACTS_COMMANDS = [c for c in build_registry().commands() if c.role is Role.FACTS_ADMIN]


def test_the_home_and_the_listed_people_are_read_once_at_start() -> None:
    settings = load_settings({
        "DISCORD_HOME_GUILD_IDS": "800000000000000001, 800000000000000009",
        "SLACK_HOME_TEAM_IDS": "T01ABC",
        "COUNTERWATCH_FACTS_ADMINS": "discord:123, slack:T1:U2",
    })  # fmt: skip
    assert settings.discord_home_guild_ids == {"800000000000000001", "800000000000000009"}
    assert settings.slack_home_team_ids == {"T01ABC"}
    assert settings.facts_admins == {"discord:123", "slack:T1:U2"}
    assert load_settings({}).facts_admins == frozenset()  # no home: nobody on chat


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DISCORD_HOME_GUILD_IDS", "my-server"),
        ("SLACK_HOME_TEAM_IDS", "U123"),
        ("COUNTERWATCH_FACTS_ADMINS", "123"),
        ("COUNTERWATCH_FACTS_ADMINS", "slack:U2"),
        ("COUNTERWATCH_FACTS_ADMINS", "discord:alice"),
        ("COUNTERWATCH_FACTS_ADMINS", "telegram:1"),
    ],
)
def test_a_malformed_home_is_one_line_naming_the_variable(variable: str, value: str) -> None:
    with pytest.raises(SettingsError, match=f"^{variable}: ") as raised:
        load_settings({variable: value})
    assert "\n" not in str(raised.value)


def test_rank_counts_for_the_facts_only_at_home() -> None:
    settings = load_settings({
        "DISCORD_HOME_GUILD_IDS": "1", "SLACK_HOME_TEAM_IDS": "T1",
        "COUNTERWATCH_FACTS_ADMINS": "discord:77,slack:T2:U7",
    })  # fmt: skip
    assert discord_facts_admin(settings, "1", "5", guild_admin=True)
    assert not discord_facts_admin(settings, "2", "5", guild_admin=True)
    assert not discord_facts_admin(settings, "1", "5", guild_admin=False)
    assert discord_facts_admin(settings, None, "77", guild_admin=False)  # listed: even in DMs
    assert slack_facts_admin(settings, "T1", "U1", workspace_admin=True)
    assert not slack_facts_admin(settings, "T2", "U1", workspace_admin=True)
    assert slack_facts_admin(settings, "T2", "U7", workspace_admin=False)
    assert not slack_facts_admin(settings, "T3", "U7", workspace_admin=False)


def test_a_rank_cannot_be_named_facts_admin_at_the_console() -> None:
    with pytest.raises(ValueError, match="member, organizer, admin"):
        Role.parse("facts_admin")


@pytest.mark.parametrize("command", FACTS_COMMANDS, ids=lambda c: c.name)
async def test_a_workspace_admin_is_refused_every_facts_command(
    dispatcher: Dispatcher, command: Command
) -> None:
    workspace_admin = identity(Role.ADMIN, user_id="U-ws", facts_admin=False)
    reply = await dispatcher.run_text(workspace_admin, f"/{command.name} anything at all")
    assert reply.error and reply.text == FACTS_ADMINS_ONLY.format(name=command.name)
    assert "\n" not in reply.text


async def test_facts_admin_standing_gives_no_rank_in_a_workspace(dispatcher: Dispatcher) -> None:
    listed = identity(Role.MEMBER, user_id="U-listed", facts_admin=True)
    assert not (await dispatcher.run_text(listed, SET)).error
    refused = await dispatcher.run_text(listed, "/campaign create ours Ours")
    assert refused.text == "/campaign create is for organizers only."


def _recording(deps: Deps) -> Dispatcher:
    return Dispatcher(build_registry(), deps, on_refusal=refusal_recorder(deps))


async def test_the_console_admin_is_the_operator_and_sees_everyone(deps: Deps, db: Db) -> None:
    dispatcher = _recording(deps)
    stranger = Identity("slack", "T9", "U9", "Victoria Private", Role.ADMIN)
    await dispatcher.run_text(stranger, SET)  # refused elsewhere, recorded
    lines = [SET, "/as Olga organizer", SET, "/as Root admin", "/facts history"]
    stdout = io.StringIO()
    operator = console.console_identity(Role.ADMIN)
    stdin = io.StringIO("\n".join(lines) + "\n")
    background = console_background(deps)
    await console.run_console(dispatcher, operator, stdin, stdout, background=background)
    out = stdout.getvalue()
    assert "Change C1 recorded" in out
    assert FACTS_ADMINS_ONLY.format(name="facts set-partnership") in out  # Olga, organizer
    # The operator holds the database itself: the console history names everyone.
    assert "Victoria Private (slack:U9)" in out and "Olga (console:console-olga)" in out


async def test_in_a_direct_message_one_sees_only_oneself(deps: Deps) -> None:
    dispatcher = _recording(deps)
    one = Identity("discord", DIRECT_MESSAGES, "11", "Dee", Role.MEMBER)
    two = Identity("discord", DIRECT_MESSAGES, "22", "Eve", Role.MEMBER, facts_admin=True)
    await dispatcher.run_text(one, SET)  # refused: R1, in a DM
    await dispatcher.run_text(two, SET)  # a listed facts admin, in a DM: C1
    reply = await dispatcher.run_text(two, "/facts history")
    assert "Eve (discord:22)" in reply.text  # their own change
    assert "someone in another workspace · /facts set-partnership" in reply.text
    assert "Dee" not in reply.text and "discord:11" not in reply.text


def test_the_start_up_line_says_who_may_change_the_facts_without_ids() -> None:
    assert "nobody on chat" in home_line(load_settings({}))
    settings = load_settings({
        "DISCORD_HOME_GUILD_IDS": "800000000000000001", "COUNTERWATCH_FACTS_ADMINS": "discord:9",
    })  # fmt: skip
    line = home_line(settings)
    assert "1 home Discord server(s)" in line and "1 listed people" in line
    assert "800000000000000001" not in line and "discord:9" not in line

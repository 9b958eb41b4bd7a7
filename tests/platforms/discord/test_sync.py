"""The command-sync payload discord.py PUTs is generated from the registry, whatever it holds;
at start it is PUT only when Discord holds something else, `discord-sync` always PUTs."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.core.registry import Command, OptionType, Registry
from bot.platforms.discord import sync_only
from bot.platforms.discord.app_tree import add_registry_commands
from bot.platforms.discord.sync import same_commands
from commands import build_registry
from testkit.fake_discord import FakeDiscord, Received, payloads
from tests.platforms.discord.conftest import RunningBot, discord_settings, running_bot
from tests.platforms.discord.wire import final_message, message_data

NAME = re.compile(r"^[-_a-z0-9]{1,32}$")
TYPE_CODES = {
    OptionType.STRING: 3,
    OptionType.DATE: 3,
    OptionType.FACT_DATE: 3,
    # offered as the string choices "true" and "false", as it always was: members see the
    # same picker, and the dispatcher hands the handler a bool
    OptionType.BOOLEAN: 3,
    OptionType.INTEGER: 4,
}
ATTACHMENT = 11
MANAGE_GUILD = 1 << 5


def synced(fake: FakeDiscord, guild: str | None) -> dict[str, dict[str, Any]]:
    """The commands the bot last PUT for `guild` (None: global), as it sent them."""
    return {c["name"]: c for c in puts(fake, guild)[-1].body}


def puts(fake: FakeDiscord, guild: str | None) -> list[Received]:
    scope = f"/guilds/{guild}" if guild else ""
    path = f"/api/v10/applications/{payloads.APP_ID}{scope}/commands"
    return [r for r in fake.requests if r.method == "PUT" and r.path == path]


def check_options(command: Command, sent: list[dict[str, Any]]) -> None:
    by_name = {o["name"]: o for o in sent}
    assert set(by_name) == {o.name for o in command.options}, command.name
    # Discord wants required options first; discord.py orders them.
    required = [o["required"] for o in sent]
    assert required == sorted(required, reverse=True), command.name
    for option in command.options:
        wire = by_name[option.name]
        assert NAME.match(wire["name"])
        assert 1 <= len(wire["description"]) <= 100
        assert wire["required"] is option.required
        if option.type is OptionType.ATTACHMENT:
            assert wire["type"] == ATTACHMENT
            continue
        assert wire["type"] == TYPE_CODES[option.type], (command.name, option.name)
        if option.type is OptionType.INTEGER:
            assert wire.get("min_value") == option.min_value
            assert wire.get("max_value") == option.max_value
        elif option.choices and len(option.choices) <= 25:
            assert [c["value"] for c in wire["choices"]] == list(option.choices)
        else:
            limit = (
                10 if option.type in (OptionType.DATE, OptionType.FACT_DATE) else option.max_length
            )
            assert wire["max_length"] == limit
        assert wire.get("autocomplete", False) is bool(
            option.autocomplete and not wire.get("choices")
        )


def check_against_registry(registry: Registry, sent: dict[str, dict[str, Any]]) -> None:
    assert list(sent) == registry.top_level_names()
    for name, wire in sent.items():
        assert NAME.match(name) and 1 <= len(wire["description"]) <= 100
        if registry.is_group(name):
            members = registry.group(name)
            subs = {s["name"]: s for s in wire["options"]}
            assert list(subs) == [c.path[1] for c in members]
            assert all(s["type"] == 1 for s in subs.values())
            for command in members:
                assert 1 <= len(subs[command.path[1]]["description"]) <= 100
                check_options(command, subs[command.path[1]]["options"])
            lowest = min(c.role for c in members)
        else:
            single = registry.get((name,))
            assert single is not None
            check_options(single, wire["options"])
            lowest = single.role
        # Hidden from members only when no member could run anything in it.
        assert (wire["default_member_permissions"] is not None) is (lowest > Role.MEMBER)


async def test_guild_sync_payload_is_the_registry(bot: RunningBot) -> None:
    sent = synced(bot.fake, payloads.GUILD_ID)
    check_against_registry(bot.dispatcher.registry, sent)
    assert sent["probe"]["default_member_permissions"] is None  # mixed roles inside
    # The production registry is all there, group by group.
    assert set(build_registry().top_level_names()) <= set(sent)
    assert None not in bot.fake.commands  # DISCORD_GUILD_ID set: nothing global


async def test_admin_only_top_level_command_carries_manage_server(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    template = build_registry().get(("help",))
    assert template is not None
    registry = Registry()
    registry.add(replace(template, path=("wipe",), role=Role.ADMIN))
    registry.add(replace(template, path=("organize",), role=Role.ORGANIZER))
    sent = await sync_with(fake, deps, tmp_path, registry, guild=False)
    check_against_registry(registry, sent)
    assert sent["wipe"]["default_member_permissions"] == MANAGE_GUILD
    assert sent["organize"]["default_member_permissions"] == 1 << 13  # Manage Messages


async def sync_with(
    fake: FakeDiscord, deps: Deps, tmp_path: Path, registry: Registry, *, guild: bool
) -> dict[str, dict[str, Any]]:
    settings = discord_settings(fake, tmp_path, guild=guild)
    assert await sync_only(Dispatcher(registry, replace(deps, settings=settings))) == 0
    return synced(fake, payloads.GUILD_ID if guild else None)


async def test_discord_sync_goes_global_without_a_guild_and_never_opens_the_gateway(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    registry = build_registry()
    sent = await sync_with(fake, deps, tmp_path, registry, guild=False)
    check_against_registry(registry, sent)
    assert [r.path for r in fake.requests if r.method == "PUT"] == [
        f"/api/v10/applications/{payloads.APP_ID}/commands"
    ]
    assert not fake.gateway.identifies


async def test_names_and_descriptions_are_made_discord_safe(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    registry = Registry()
    only = build_registry().get(("help",))
    assert only is not None
    registry.add(
        replace(only, path=("Help Me Please With A Very Long Name Indeed",), description="x" * 300)
    )
    sent = await sync_with(fake, deps, tmp_path, registry, guild=True)
    (name,) = sent
    assert NAME.match(name) and len(name) == 32
    assert len(sent[name]["description"]) == 100


# --- sync at start only when the commands changed; discord-sync always -------------------


def gets(fake: FakeDiscord, guild: str | None) -> list[Received]:
    scope = f"/guilds/{guild}" if guild else ""
    path = f"/api/v10/applications/{payloads.APP_ID}{scope}/commands"
    return [r for r in fake.requests if r.method == "GET" and r.path == path]


async def still_answers(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/probe echo", {"words": "restarted"})
    _, received = await final_message(bot.fake, sent)
    assert message_data(received)["content"] == "You said: restarted"


@pytest.mark.parametrize("guild", [True, False], ids=["guild", "global"])
async def test_restart_with_unchanged_commands_does_not_sync_again(
    fake: FakeDiscord, deps: Deps, tmp_path: Path, guild: bool
) -> None:
    scope = payloads.GUILD_ID if guild else None
    async with running_bot(fake, deps, tmp_path, guild=guild):
        assert len(puts(fake, scope)) == 1  # Discord had nothing: synced
    async with running_bot(fake, deps, tmp_path, guild=guild) as bot:
        await still_answers(bot)
    assert len(puts(fake, scope)) == 1  # the second start found Discord's commands current
    assert len(gets(fake, scope)) == 2  # because each start asked what Discord holds


async def test_restart_with_a_new_command_syncs(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    template = build_registry().get(("help",))
    assert template is not None
    added = replace(template, path=("probe", "added"), description="New since last start")
    async with running_bot(fake, deps, tmp_path):
        pass
    async with running_bot(fake, deps, tmp_path, extra=(added,)) as bot:
        await still_answers(bot)
    assert len(puts(fake, payloads.GUILD_ID)) == 2
    probe = synced(fake, payloads.GUILD_ID)["probe"]
    assert "added" in [sub["name"] for sub in probe["options"]]


async def test_discord_sync_always_puts_even_when_nothing_changed(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    registry = build_registry()
    await sync_with(fake, deps, tmp_path, registry, guild=True)
    await sync_with(fake, deps, tmp_path, registry, guild=True)
    assert len(puts(fake, payloads.GUILD_ID)) == 2
    assert not gets(fake, payloads.GUILD_ID)  # no comparison: it syncs regardless


def generated_payload() -> list[dict[str, Any]]:
    """The PUT body discord.py builds from the production registry (no network)."""
    tree: app_commands.CommandTree[Any] = app_commands.CommandTree(
        discord.Client(intents=discord.Intents.none())
    )
    add_registry_commands(tree, build_registry(), NeverCalled())
    return [command.to_dict(tree) for command in tree.get_commands()]


class NeverCalled:
    async def invoke(self, *args: object) -> None:
        raise AssertionError("not invoked in a payload test")

    async def complete(self, *args: object) -> list[app_commands.Choice[str]]:
        raise AssertionError("not invoked in a payload test")


def test_held_commands_match_the_payload_up_to_discord_defaults() -> None:
    wanted = generated_payload()
    held = [{**payloads.as_held(c), "id": "1", "version": "2"} for c in reversed(wanted)]
    assert same_commands(wanted, held)


@pytest.mark.parametrize(
    "change",
    ["description", "permissions", "option length", "option removed", "command removed"],
)
def test_any_change_to_the_payload_is_a_difference(change: str) -> None:
    wanted = generated_payload()
    held = [payloads.as_held(c) for c in wanted]
    edited = copy.deepcopy(wanted)
    first = edited[0]
    leaf = next(c for c in edited if c["options"] and c["options"][0].get("type") != 1)
    if change == "description":
        first["description"] += "!"
    elif change == "permissions":
        first["default_member_permissions"] = MANAGE_GUILD
    elif change == "option length":
        leaf["options"][0]["max_length"] = 7
    elif change == "option removed":
        leaf["options"].pop()
    else:
        edited.pop()
    assert not same_commands(edited, held)

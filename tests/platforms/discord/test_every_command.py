"""Every registered command group, end to end through the fake Discord.

Generic on purpose: whatever commands the registry holds when this runs, each
group's first command is run with options taken from its own examples (or
made-up valid values), and must be answered - with mentions off and no incident.
"""

from __future__ import annotations

import pytest

from bot.core.errors import UserError
from bot.core.registry import Command, Option, OptionType, Registry
from commands import build_registry
from testkit.fake_discord import Invoker, payloads
from tests.grammar_lines import parse_line
from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.wire import (
    DEFERRED,
    INCIDENT_WORDS,
    MESSAGE,
    final_message,
    is_ephemeral,
    message_data,
    pings_nobody,
    visible_text,
)

ADMIN = Invoker(user_id="600000000000000009", name="steward", permissions=payloads.MANAGE_GUILD)
SAMPLE_FILE = b"name,city\nAda,Greenfield\n"


def first_commands(registry: Registry) -> list[Command]:
    firsts = []
    for name in registry.top_level_names():
        command = registry.group(name)[0] if registry.is_group(name) else registry.get((name,))
        assert command is not None
        firsts.append(command)
    return firsts


def sample_value(option: Option) -> object:
    if option.choices:
        return option.choices[0]
    if option.type is OptionType.INTEGER:
        return option.min_value if option.min_value is not None else 1
    if option.type is OptionType.DATE:
        return "2026-12-31"
    if option.type is OptionType.FACT_DATE:
        return "2020-06"
    return "greenfield"[: option.max_length]  # a place, a slug, a name: valid for most


def sample_options(registry: Registry, command: Command) -> dict[str, object]:
    """From the command's first example that parses, else one valid value per required option."""
    for example in command.examples:
        try:
            parsed = parse_line(registry, example)
        except UserError:
            continue
        if parsed.command.path == command.path:
            return dict(parsed.raw_options)
    return {
        o.name: sample_value(o)
        for o in command.options
        if o.required and o.type is not OptionType.ATTACHMENT
    }


def typed_for_discord(command: Command, values: dict[str, object]) -> dict[str, object]:
    """Discord sends integers as numbers; the text grammar gave strings."""
    typed: dict[str, object] = {}
    for name, value in values.items():
        option = command.option(name)
        is_int = option is not None and option.type is OptionType.INTEGER
        typed[name] = int(str(value)) if is_int else value
    return typed


PRODUCTION = first_commands(build_registry())


@pytest.mark.parametrize("command", PRODUCTION, ids=[c.name for c in PRODUCTION])
async def test_first_command_of_each_group_is_answered(bot: RunningBot, command: Command) -> None:
    registry = bot.dispatcher.registry
    files = {
        o.name: ("sample.csv", SAMPLE_FILE)
        for o in command.options
        if o.type is OptionType.ATTACHMENT and o.required
    }
    values = typed_for_discord(command, sample_options(registry, command))
    sent = await bot.fake.send_interaction("/" + command.name, values, ADMIN, files=files)
    kind, received = await final_message(bot.fake, sent)
    data = message_data(received)
    # Slow commands and uploads are deferred at once; others answer directly unless they
    # run past the adapter's budget.
    assert kind == DEFERRED if command.slow or files else kind in (MESSAGE, DEFERRED)
    assert pings_nobody(data)
    text = visible_text(data)
    assert text.strip() or received.files
    assert INCIDENT_WORDS not in text, f"/{command.name} raised: {text}"
    print(f"/{command.name} {values} -> {text[:150]!r}")
    if command.private:
        assert is_ephemeral(data)


async def test_every_group_is_registered_with_discord(bot: RunningBot) -> None:
    definitions = {name: bot.fake.definition(name) for name in build_registry().top_level_names()}
    registry = build_registry()
    for name, definition in definitions.items():
        if registry.is_group(name):
            subs = [o["name"] for o in definition["options"]]
            assert subs == [c.path[1] for c in registry.group(name)]

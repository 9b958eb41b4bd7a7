"""Every registered command group works on Slack with no Slack code of its own,
and the commands that exist today answer as they do elsewhere."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.core.incidents import INCIDENT_MESSAGE
from bot.core.registry import Command
from bot.platforms.slack.manifest import HELP_COMMAND, slash_commands
from bot.platforms.slack.modals import wants_modal
from bot.platforms.slack.render import unescape
from commands import build_registry
from places.index import place_index
from storage.db import Database
from tests.facts_sample import load_sample
from tests.platforms.slack.conftest import ADMIN, ORGANIZER, HttpSlack

INCIDENT = INCIDENT_MESSAGE.split("{id}")[0]
REGISTRY = build_registry()


def slash_line(command: Command) -> tuple[str, str]:
    """The Slack command and text that name `command` with no arguments."""
    if command.path == ("help",):
        return HELP_COMMAND, ""
    return f"/{command.path[0]}", " ".join(command.path[1:])


def shown(message: dict[str, Any]) -> str:
    return unescape(json.dumps(message, ensure_ascii=False))


@pytest.fixture
async def with_facts(http_slack: HttpSlack, db: Database) -> HttpSlack:
    deps = http_slack.running.dispatcher.deps
    await load_sample(db)
    await place_index(deps).reload()
    return http_slack


def test_every_top_level_command_and_group_is_a_slash_command() -> None:
    names = set(slash_commands(REGISTRY).values())
    assert names == set(REGISTRY.top_level_names())
    assert slash_commands(REGISTRY)[HELP_COMMAND] == "help"


@pytest.mark.parametrize("name", [n for n in REGISTRY.top_level_names() if n != "help"])
async def test_each_group_answers_its_bare_slash_command(http_slack: HttpSlack, name: str) -> None:
    status, response = await http_slack.send(f"/{name}", "", user_id=ADMIN)
    assert status == 200
    command = REGISTRY.get((name,))
    if command is not None and wants_modal(command):
        [opened] = await http_slack.fake.wait_for("views.open")
        assert opened.body["trigger_id"] == f"trigger-{response}"
        return
    message = await http_slack.reply(response)
    assert INCIDENT not in message["text"]
    assert message["blocks"] and len(message["text"]) <= 4000
    if REGISTRY.is_group(name):
        assert f"/{name} needs a subcommand" in shown(message)


@pytest.mark.parametrize("command", REGISTRY.commands(), ids=lambda c: c.name)
async def test_each_command_without_arguments_answers_or_opens_a_modal(
    http_slack: HttpSlack, command: Command
) -> None:
    slack_command, text = slash_line(command)
    status, response = await http_slack.send(slack_command, text, user_id=ADMIN)
    assert status == 200
    if wants_modal(command):
        [opened] = await http_slack.fake.wait_for("views.open")
        view = opened.body["view"]
        assert view["callback_id"] == f"counterwatch:{command.name}"
        assert len(view["title"]["text"]) <= 24
        return
    message = await http_slack.reply(response)
    assert INCIDENT not in message["text"], f"/{command.name} crashed"
    assert message["response_type"] in ("ephemeral", "in_channel")


async def test_ring_lookup(with_facts: HttpSlack) -> None:
    message = await with_facts.run("/ring", "lookup Greenfield, WI")
    # A lookup says where its asker lives: only they see it unless they share it.
    assert message["response_type"] == "ephemeral"
    assert message["blocks"][0]["text"]["text"] == "Ring police partnerships: Greenfield, WI"
    assert "Greenfield Police Department, WI" in shown(message)
    shared = await with_facts.run("/ring", "lookup Greenfield, WI share:true")
    assert shared["response_type"] == "in_channel"
    assert "Greenfield Police Department, WI" in shown(shared)


async def test_moratorium_by_alias(with_facts: HttpSlack) -> None:
    message = await with_facts.run("/moratorium", "aws")
    assert message["blocks"][0]["text"]["text"].startswith("Amazon:")


async def test_campaign_round_trip_with_a_private_export(with_facts: HttpSlack) -> None:
    created = await with_facts.run(
        "/campaign", 'create ring-free "End the Ring partnership" 50', user_id=ORGANIZER
    )
    assert INCIDENT not in created["text"] and "ring-free" in shown(created)
    joined = await with_facts.run("/campaign", "join ring-free Greenfield", user_id="U5")
    assert INCIDENT not in joined["text"]
    exported = await with_facts.run("/campaign", "export ring-free", user_id=ORGANIZER)
    assert exported["response_type"] == "ephemeral"
    [complete] = await with_facts.fake.wait_for("files.completeUploadExternal")
    assert complete.body["channel_id"] == "D" + ORGANIZER  # never shared in the channel
    [upload] = await with_facts.fake.wait_for("upload")
    assert b"name-U5" in upload.raw


async def test_campaign_create_modal_suggests_places(with_facts: HttpSlack) -> None:
    await with_facts.send("/campaign", "create", user_id=ORGANIZER)
    [opened] = await with_facts.fake.wait_for("views.open")
    view = opened.body["view"]
    place = next(b for b in view["blocks"] if b["block_id"] == "place")
    assert place["element"]["type"] == "external_select"
    status, body = await with_facts.interact(
        {
            "type": "block_suggestion",
            "user": {"id": ORGANIZER},
            "team": {"id": "T1"},
            "action_id": "place",
            "block_id": "place",
            "value": "greenf",
            "view": view,
        }
    )
    assert status == 200
    labels = [o["text"]["text"] for o in json.loads(body)["options"]]
    assert any(label.startswith("Greenfield") for label in labels)


async def test_mydata_is_private(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/mydata", "")
    assert message["response_type"] == "ephemeral"
    assert INCIDENT not in message["text"]


async def test_contact_is_private_unless_shared(with_facts: HttpSlack) -> None:
    message = await with_facts.run("/contact", "Greenfield, WI")
    assert message["response_type"] == "ephemeral"
    assert message["blocks"][0]["text"]["text"] == "Who governs the police: Greenfield, WI"
    # No source names Greenfield's body: said so, never a guessed "City Council".
    assert "No source on record names the body" in shown(message)
    assert "City Council" not in shown(message)
    shared = await with_facts.run("/contact", "Greenfield, WI share:true")
    assert shared["response_type"] == "in_channel"

"""HTTP mode: signed slash commands posted to the running app, answered on response_url."""

from __future__ import annotations

import json

from bot.core.incidents import INCIDENT_MESSAGE
from bot.platforms.slack.render import unescape
from tests.platforms.slack.conftest import ADMIN, HttpSlack


def message_text(message: dict[str, object]) -> str:
    """Everything a person would read in a posted message (Slack shows entities as characters)."""
    return unescape(json.dumps(message, ensure_ascii=False))


async def test_help_answers_on_the_response_url(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/counterwatch")
    assert message["response_type"] == "ephemeral"
    assert "Counterwatch commands" in message_text(message)
    assert http_slack.fake.calls("auth.test"), "bolt authorizes with auth.test"


async def test_a_public_reply_goes_in_channel(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe", "echo hello there")
    assert message["response_type"] == "in_channel"
    blocks = message["blocks"]
    assert isinstance(blocks, list)
    assert blocks[0]["type"] == "header"
    assert "You said: hello there" in message_text(message)


async def test_bad_input_gets_the_usage_line(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe", "count")
    assert "Usage: /probe count <key>" in message_text(message)
    assert message["response_type"] == "ephemeral"
    assert not http_slack.probe.effects


async def test_a_group_without_subcommand_lists_them(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe")
    assert "/probe needs a subcommand" in message_text(message)


async def test_a_handler_exception_reaches_the_user_privately(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe", "boom")
    assert message["response_type"] == "ephemeral"
    prefix = INCIDENT_MESSAGE.split("{id}")[0]
    assert prefix in message["text"]
    assert "a bug in a handler" not in message_text(message)


async def test_a_member_is_refused_an_admin_command(http_slack: HttpSlack) -> None:
    refused = await http_slack.run("/probe", "admin", user_id="U1")
    assert "/probe admin is for admins only" in message_text(refused)
    assert refused["response_type"] == "ephemeral"
    allowed = await http_slack.run("/probe", "admin", user_id=ADMIN)
    assert "admin door opened" in message_text(allowed)

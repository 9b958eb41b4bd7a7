"""A campaign card's Block Kit buttons: a signed `block_actions` payload joins the clicker
and answers only to them, on the payload's response_url."""

from __future__ import annotations

from typing import Any

from storage.db import Database
from tests.commands.campaigns.helpers import signup_count
from tests.platforms.slack.conftest import ORGANIZER, HttpSlack


def block_actions(
    http_slack: HttpSlack, message: dict[str, Any], action: dict[str, Any], name: str
) -> dict[str, Any]:
    """What Slack posts when `action` (a button of `message`) is clicked by U7."""
    return {
        "type": "block_actions",
        "user": {"id": "U7", "username": "maria", "name": "maria", "team_id": "T1"},
        "api_app_id": "A1",
        "token": "legacy-verification-token",
        "container": {"type": "message", "message_ts": "1.000001", "channel_id": "C1"},
        "trigger_id": f"trigger-{name}",
        "team": {"id": "T1", "domain": "counterwatch-test"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": "C1", "name": "general"},
        "message": {
            "type": "message",
            "ts": "1.000001",
            "text": message["text"],
            "blocks": message["blocks"],
        },
        "state": {"values": {}},
        "response_url": http_slack.fake.response_url(name),
        "actions": [
            {
                "type": "button",
                "block_id": "cw-buttons",
                "action_id": action["action_id"],
                "text": action["text"],
                "value": action["value"],
                "action_ts": "1700000000.000100",
            }
        ],
    }


async def test_join_button_joins_once_and_answers_ephemerally(
    http_slack: HttpSlack, db: Database
) -> None:
    await http_slack.run(
        "/campaign", 'create ring-free "End the Ring partnership" 10', user_id=ORGANIZER
    )
    card = await http_slack.run("/campaign", "post ring-free", user_id=ORGANIZER)
    assert card["response_type"] == "in_channel"
    [actions] = [b for b in card["blocks"] if b["type"] == "actions"]
    buttons = {e["text"]["text"]: e for e in actions["elements"]}
    assert {label: e["value"] for label, e in buttons.items()} == {
        "Join": "/campaign join ring-free",
        "Leave": "/campaign leave ring-free",
        "Details": "/campaign info ring-free",
    }
    assert [e["action_id"] for e in actions["elements"]] == ["cw-0", "cw-1", "cw-2"]
    status, body = await http_slack.interact(
        block_actions(http_slack, card, buttons["Join"], "click1")
    )
    assert status == 200 and body == ""  # acknowledged at once, empty
    [answer] = await http_slack.fake.responses_to("click1")
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is False
    assert "You are signed up for End the Ring partnership" in answer["text"]
    await http_slack.interact(block_actions(http_slack, card, buttons["Join"], "click2"))
    [again] = await http_slack.fake.responses_to("click2")
    assert "already signed up" in again["text"] and again["response_type"] == "ephemeral"
    assert await signup_count(db, "ring-free", "T1") == 1

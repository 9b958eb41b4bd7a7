"""A campaign card's Block Kit buttons: a signed `block_actions` payload joins the clicker
and answers only to them, on the payload's response_url. The card itself is posted by the
app (chat.postMessage, whose answer names the message) and kept true with chat.update:
paced, closed at the end (buttons replaced by a context line), forgotten once deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from commands.campaigns.cards import current_card
from notifications.cards import RefreshReport, refresh_due_cards
from storage.db import Database
from testkit.waiting import eventually
from tests.commands.campaigns.helpers import signup_count
from tests.conftest import FIXED_NOW
from tests.platforms.fake_slack.recorder import WAIT_SECONDS
from tests.platforms.slack.conftest import ORGANIZER, HttpSlack

EVERY = dt.timedelta(seconds=5)


def block_actions(
    http_slack: HttpSlack,
    message: dict[str, Any],
    action: dict[str, Any],
    name: str,
    user: str = "U7",
) -> dict[str, Any]:
    """What Slack posts when `action` (a button of `message`) is clicked by `user`."""
    return {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T1"},
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


async def post_card(http_slack: HttpSlack) -> dict[str, Any]:
    """Create ring-free (goal 10) and post its card: the chat.postMessage the app made,
    once the app has stored where the card is."""
    await http_slack.run(
        "/campaign", 'create ring-free "End the Ring partnership" 10', user_id=ORGANIZER
    )
    status, name = await http_slack.send("/campaign", "post ring-free", user_id=ORGANIZER)
    assert status == 200 and http_slack.acks[name] == ""  # empty ack: the app posts the card
    [posted] = await http_slack.fake.wait_for("chat.postMessage")
    deps = http_slack.running.dispatcher.deps
    campaign = await deps.storage.campaigns.find("T1", "ring-free")
    assert campaign is not None
    campaign_id = campaign.id

    async def stored() -> bool:
        return bool(await deps.storage.cards.of_campaign(campaign_id))

    await eventually(stored, timeout_s=WAIT_SECONDS, every_s=0.01)
    return posted.body


def buttons(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    [actions] = [b for b in card["blocks"] if b["type"] == "actions"]
    return {e["text"]["text"]: e for e in actions["elements"]}


async def join(http_slack: HttpSlack, card: dict[str, Any], user: str) -> None:
    name = f"click-{user}"
    await http_slack.interact(block_actions(http_slack, card, buttons(card)["Join"], name, user))
    [answer] = await http_slack.fake.responses_to(name)
    assert "You are signed up" in answer["text"]


async def refresh(http_slack: HttpSlack, seconds_later: float = 0) -> RefreshReport:
    at = FIXED_NOW + dt.timedelta(seconds=seconds_later)
    deps = replace(http_slack.running.dispatcher.deps, clock=lambda: at)
    return await refresh_due_cards(deps, current_card, EVERY)


def shown(http_slack: HttpSlack, card: dict[str, Any]) -> dict[str, Any]:
    """The card as Slack holds it now."""
    return http_slack.fake.messages[("C1", card_ts(http_slack))]


def card_ts(http_slack: HttpSlack) -> str:
    [(_, ts)] = [key for key in http_slack.fake.messages if key[0] == "C1"]
    return ts


def fields_text(message: dict[str, Any]) -> str:
    sections = [b for b in message["blocks"] if b["type"] == "section" and "fields" in b]
    return "\n".join(f["text"] for b in sections for f in b["fields"])


async def test_join_button_joins_once_and_answers_ephemerally(
    http_slack: HttpSlack, db: Database
) -> None:
    card = await post_card(http_slack)
    assert card["channel"] == "C1"
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


async def test_joins_in_one_window_make_one_chat_update(http_slack: HttpSlack) -> None:
    card = await post_card(http_slack)
    for user in ("U1", "U2", "U3"):
        await join(http_slack, card, user)
    assert (await refresh(http_slack)).edited == 1
    [update] = http_slack.fake.calls("chat.update")
    assert update.body["channel"] == "C1" and update.body["ts"] == card_ts(http_slack)
    assert "(3 of 10)" in fields_text(shown(http_slack, card))
    assert set(buttons(shown(http_slack, card))) == {"Join", "Leave", "Details"}
    await join(http_slack, card, "U4")
    assert (await refresh(http_slack, 2)).edited == 0  # paced
    assert (await refresh(http_slack, 5)).edited == 1
    assert "(4 of 10)" in fields_text(shown(http_slack, card))


async def test_a_closed_card_loses_its_buttons_for_a_context_line(http_slack: HttpSlack) -> None:
    card = await post_card(http_slack)
    await join(http_slack, card, "U1")
    await http_slack.run("/campaign", "close ring-free", user_id=ORGANIZER)
    assert (await refresh(http_slack)).edited == 1
    closed = shown(http_slack, card)
    assert not [b for b in closed["blocks"] if b["type"] == "actions"]
    [context] = [b for b in closed["blocks"] if b["type"] == "context"]
    assert context["elements"][0]["text"] == "Closed on 2026-11-26 with 1 sign-up."
    assert "(1 of 10)" in fields_text(closed)


async def test_a_deleted_card_is_forgotten(http_slack: HttpSlack, db: Database) -> None:
    card = await post_card(http_slack)
    await join(http_slack, card, "U1")
    http_slack.fake.delete_message("C1", card_ts(http_slack))
    assert (await refresh(http_slack)).forgotten == 1
    await join(http_slack, card, "U2")
    assert await refresh(http_slack, 3600) == RefreshReport()
    assert len(http_slack.fake.calls("chat.update")) == 1  # the one that found nothing
    assert await signup_count(db, "ring-free", "T1") == 2


async def test_a_rate_limited_update_waits_for_retry_after(http_slack: HttpSlack) -> None:
    card = await post_card(http_slack)
    await join(http_slack, card, "U1")
    http_slack.fake.rate_limit_updates = 1  # answered 429, Retry-After: 30
    assert (await refresh(http_slack)).failed == 1
    assert (await refresh(http_slack, 29)).edited == 0
    assert (await refresh(http_slack, 30)).edited == 1
    assert "(1 of 10)" in fields_text(shown(http_slack, card))


async def test_a_card_the_app_may_not_post_goes_out_untracked(http_slack: HttpSlack) -> None:
    http_slack.fake.refused_channels.add("C1")  # the app is not in the channel
    await http_slack.run(
        "/campaign", 'create ring-free "End the Ring partnership" 10', user_id=ORGANIZER
    )
    status, name = await http_slack.send("/campaign", "post ring-free", user_id=ORGANIZER)
    [card] = await http_slack.fake.responses_to(name)
    assert status == 200 and card["response_type"] == "in_channel" and buttons(card)
    campaign = await http_slack.running.dispatcher.deps.storage.campaigns.find("T1", "ring-free")
    assert campaign is not None
    assert await http_slack.running.dispatcher.deps.storage.cards.of_campaign(campaign.id) == []

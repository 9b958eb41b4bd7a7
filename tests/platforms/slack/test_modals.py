"""Modals generated from a command's options: opening, external_select, submission."""

from __future__ import annotations

import json
from typing import Any

from tests.platforms.slack.conftest import ORGANIZER, HttpSlack


def submission(
    view: dict[str, Any], values: dict[str, Any], user: str = ORGANIZER
) -> dict[str, Any]:
    state = {name: {name: element} for name, element in values.items()}
    return {
        "type": "view_submission",
        "team": {"id": "T1", "domain": "counterwatch-test"},
        "user": {"id": user, "username": "org", "name": "org", "team_id": "T1"},
        "api_app_id": "A1",
        "trigger_id": "trigger-view",
        "view": {**view, "id": "V9", "team_id": "T1", "state": {"values": state}, "hash": "h1"},
    }


async def open_form(http_slack: HttpSlack) -> dict[str, Any]:
    status, _ = await http_slack.send("/probe", "form", user_id=ORGANIZER)
    assert status == 200
    [opened] = await http_slack.fake.wait_for("views.open")
    view: dict[str, Any] = opened.body["view"]
    if isinstance(view, str):
        view = json.loads(view)
    assert opened.body["trigger_id"].startswith("trigger-")
    return view


GOOD = {
    "city": {"type": "external_select", "selected_option": {"value": "Greenfield, WI"}},
    "kind": {"type": "static_select", "selected_option": {"value": "ring"}},
    "goal": {"type": "number_input", "value": "250"},
    "ends": {"type": "datepicker", "selected_date": None},
}


async def test_a_form_command_without_arguments_opens_a_modal(http_slack: HttpSlack) -> None:
    view = await open_form(http_slack)
    assert view["type"] == "modal"
    assert len(view["title"]["text"]) <= 24
    elements = {b["block_id"]: b["element"]["type"] for b in view["blocks"]}
    assert elements == {
        "city": "external_select",
        "kind": "static_select",
        "goal": "number_input",
        "ends": "datepicker",
    }
    optional = {b["block_id"]: b["optional"] for b in view["blocks"]}
    assert optional == {"city": False, "kind": False, "goal": False, "ends": True}
    assert not http_slack.fake.calls("response"), "no usage line when a modal opened"


async def test_a_member_gets_no_modal_for_an_organizer_command(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe", "form", user_id="U1")
    # The core checks the role before the arguments: a member is refused, with no form.
    assert "/probe form is for organizers only." in message["text"]
    assert not http_slack.fake.calls("views.open")


async def test_external_select_options_come_from_the_autocomplete_source(
    http_slack: HttpSlack,
) -> None:
    view = await open_form(http_slack)
    payload = {
        "type": "block_suggestion",
        "user": {"id": ORGANIZER},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "action_id": "city",
        "block_id": "city",
        "value": "green",
        "view": view,
    }
    status, body = await http_slack.interact(payload)
    assert status == 200
    options = json.loads(body)["options"]
    assert [o["value"] for o in options] == ["Greenfield, WI", "Green Bay, WI"]
    status, body = await http_slack.interact({**payload, "value": "park"})
    [park] = json.loads(body)["options"]
    assert park["text"]["text"] == "AT&amp;T Park &lt;SF&gt;"
    assert park["value"] == "AT&T Park <SF>"


async def test_a_submission_runs_the_command_and_answers_in_the_channel(
    http_slack: HttpSlack,
) -> None:
    view = await open_form(http_slack)
    status, body = await http_slack.interact(submission(view, GOOD))
    assert status == 200
    assert body == ""  # an empty ack closes the modal
    [posted] = await http_slack.fake.wait_for("chat.postMessage")
    assert posted.body["channel"] == "C1"
    assert "form ok: Greenfield, WI / ring / 250" in posted.body["text"]
    assert http_slack.probe.effects["form"] == 1


async def test_a_submission_delivered_twice_runs_once(http_slack: HttpSlack) -> None:
    view = await open_form(http_slack)
    await http_slack.interact(submission(view, GOOD))
    await http_slack.interact(submission(view, GOOD))
    await http_slack.run("/probe", "count sentinel")
    await http_slack.fake.wait_for("chat.postMessage")
    assert http_slack.probe.effects["form"] == 1


async def test_invalid_values_come_back_as_field_errors(http_slack: HttpSlack) -> None:
    view = await open_form(http_slack)
    bad = {**GOOD, "goal": {"type": "number_input", "value": "0"}}
    status, body = await http_slack.interact(submission(view, bad))
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors"
    assert answer["errors"] == {"goal": "goal must be at least 1."}
    assert http_slack.probe.effects["form"] == 0
    # Fixed and resubmitted: it runs.
    status, body = await http_slack.interact(submission(view, GOOD))
    assert body == ""
    await http_slack.fake.wait_for("chat.postMessage")
    assert http_slack.probe.effects["form"] == 1


async def test_a_private_reply_without_channel_access_falls_back_to_a_dm(
    http_slack: HttpSlack,
) -> None:
    view = await open_form(http_slack)
    http_slack.fake.refused_channels.add("C1")
    await http_slack.interact(submission(view, GOOD))
    [opened] = await http_slack.fake.wait_for("conversations.open")
    assert opened.body["users"] == ORGANIZER
    dm = await http_slack.fake.wait_for("chat.postMessage", count=2)
    assert dm[-1].body["channel"] == "D" + ORGANIZER

"""File replies (files_upload_v2), over-long replies, and a graceful stop."""

from __future__ import annotations

import json

import aiohttp
import pytest

from bot.platforms.slack.render import LONG_REPLY_FILENAME
from tests.platforms.fake_slack.signing import signed_headers
from tests.platforms.slack.conftest import ORGANIZER, SECRET, HttpSlack


async def test_a_public_file_is_uploaded_to_the_channel(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe", "letter")
    assert message["response_type"] == "in_channel"
    fake = http_slack.fake
    [url_call] = await fake.wait_for("files.getUploadURLExternal")
    assert url_call.body["filename"] == "letter.txt"
    [upload] = await fake.wait_for("upload")
    assert upload.raw == b"Dear council, <!channel> please act."
    [complete] = await fake.wait_for("files.completeUploadExternal")
    assert complete.body["channel_id"] == "C1"
    assert json.loads(complete.body["files"])[0]["title"] == "letter.txt"


async def test_a_private_file_goes_to_the_users_dm(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe", "export", user_id="U7")
    assert message["response_type"] == "ephemeral"
    [opened] = await http_slack.fake.wait_for("conversations.open")
    assert opened.body["users"] == "U7"
    [complete] = await http_slack.fake.wait_for("files.completeUploadExternal")
    assert complete.body["channel_id"] == "DU7"


async def test_a_failed_upload_is_explained(http_slack: HttpSlack) -> None:
    http_slack.fake.refuse_all_methods.add("files.completeUploadExternal")
    status, name = await http_slack.send("/probe", "letter")
    assert status == 200
    _, note = await http_slack.fake.responses_to(name, count=2)
    assert note["response_type"] == "ephemeral"
    assert "could not attach letter.txt" in note["text"]


async def test_a_reply_too_long_for_slack_becomes_a_file(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe", "long")
    assert "attached as a file" in message["text"]
    assert len(message["blocks"]) <= 50
    [url_call] = await http_slack.fake.wait_for("files.getUploadURLExternal")
    assert url_call.body["filename"] == LONG_REPLY_FILENAME
    [upload] = await http_slack.fake.wait_for("upload")
    assert b"line 399 of a long answer" in upload.raw


async def test_stop_finishes_the_command_in_flight_and_refuses_new_ones(
    http_slack: HttpSlack,
) -> None:
    status, name = await http_slack.send("/probe", "slow")
    assert status == 200
    await http_slack.probe.slow_started.wait()
    http_slack.running.stop_event.set()
    # The listening port closes first...
    body = http_slack.slash("/counterwatch")
    with pytest.raises(aiohttp.ClientConnectionError):
        while True:  # until the port is closed; each attempt is a real refused connection
            await http_slack.post(body, signed_headers(SECRET, body))
            assert not http_slack.running.task.done()
    assert not http_slack.running.task.done(), "still finishing the slow command"
    # ...then the command in flight completes and answers before run_slack returns.
    http_slack.probe.slow_release.set()
    await http_slack.running.stop()
    [reply] = await http_slack.fake.responses_to(name)
    assert reply["text"] == "slow done"


async def test_a_chart_goes_up_with_its_alt_text(http_slack: HttpSlack) -> None:
    created = await http_slack.run(
        "/campaign", 'create charted "Chart me" goal:10', user_id=ORGANIZER
    )
    assert "charted" in created["text"], created
    joined = await http_slack.run("/campaign", "join charted", user_id="U5")
    assert "Chart me" in joined["text"], joined
    stats = await http_slack.run("/campaign", "stats charted", user_id="U5")
    assert "1 signed up" in stats["text"], stats
    [url_call] = await http_slack.fake.wait_for("files.getUploadURLExternal")
    assert url_call.body["filename"] == "charted-signups.png"
    assert "against a goal of 10" in url_call.body["alt_txt"]
    [upload] = await http_slack.fake.wait_for("upload")
    assert upload.raw.startswith(b"\x89PNG")

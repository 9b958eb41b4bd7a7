"""Forged, altered and stale requests are refused before anything runs; retries have one
effect; mentions and links typed by a user are inert; request bodies stay out of logs."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time

import pytest

from storage.viewer import EVERYONE
from tests.conftest import FIXED_NOW
from tests.platforms.fake_slack.signing import signed_headers
from tests.platforms.slack.conftest import SECRET, HttpSlack, start

# Purging every record older than a year from now deletes them all, and says how many.
FAR_FUTURE, TTL = FIXED_NOW + dt.timedelta(days=365), dt.timedelta(0)
INJECTION = "<!channel> <@U123> <http://evil.example|good>"


async def assert_nothing_ran(http_slack: HttpSlack, refused_name: str) -> None:
    # A valid request afterwards is answered; the refused one never was.
    await http_slack.run("/probe", "count after")
    assert http_slack.probe.effects == {"after": 1}
    assert not [c for c in http_slack.fake.calls("response") if c.path.endswith(refused_name)]


async def test_a_forged_signature_is_refused(http_slack: HttpSlack) -> None:
    name = http_slack.new_name()
    body = http_slack.slash("/probe", "count forged", name=name)
    status, _ = await http_slack.post(body, signed_headers("not-the-secret", body))
    assert status == 401
    await assert_nothing_ran(http_slack, name)


async def test_an_altered_body_is_refused(http_slack: HttpSlack) -> None:
    name = http_slack.new_name()
    body = http_slack.slash("/probe", "count forged", name=name)
    headers = signed_headers(SECRET, body)
    status, _ = await http_slack.post(body.replace("forged", "altered"), headers)
    assert status == 401
    await assert_nothing_ran(http_slack, name)


async def test_a_stale_timestamp_is_refused(http_slack: HttpSlack) -> None:
    name = http_slack.new_name()
    body = http_slack.slash("/probe", "count forged", name=name)
    headers = signed_headers(SECRET, body, timestamp=int(time.time()) - 10 * 60)
    status, _ = await http_slack.post(body, headers)
    assert status == 401
    await assert_nothing_ran(http_slack, name)


async def test_a_missing_signature_is_refused(http_slack: HttpSlack) -> None:
    name = http_slack.new_name()
    body = http_slack.slash("/probe", "count forged", name=name)
    status, _ = await http_slack.post(body, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 401
    await assert_nothing_ran(http_slack, name)


async def test_a_refused_body_is_not_logged(
    http_slack: HttpSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = http_slack.slash("/probe", "echo private-words-of-a-member")
    status, _ = await http_slack.post(body, signed_headers("wrong", body))
    assert status == 401
    assert "private-words-of-a-member" not in caplog.text


async def test_a_retried_request_has_one_effect(http_slack: HttpSlack) -> None:
    name = http_slack.new_name()
    body = http_slack.slash("/probe", "count retried", name=name)
    first, answer = await http_slack.post(body, signed_headers(SECRET, body))
    retry_headers = {**signed_headers(SECRET, body), "X-Slack-Retry-Num": "1"}
    second, repeat = await http_slack.post(body, retry_headers)
    assert (first, second) == (200, 200)
    assert "counted retried" in answer and repeat == ""  # acknowledged, not run again
    await http_slack.run("/probe", "count sentinel")
    assert http_slack.probe.effects == {"retried": 1, "sentinel": 1}
    assert not http_slack.fake.calls("response")


async def test_mentions_and_links_in_user_text_are_inert(http_slack: HttpSlack) -> None:
    message = await http_slack.run("/probe", f"echo {INJECTION}")
    raw = json.dumps(message, ensure_ascii=False)
    for live in ("<!channel>", "<@U123>", "<http://evil.example|good>"):
        assert live not in raw
    assert "&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil.example|good&gt;" in raw


async def test_text_slack_delivers_entity_encoded_is_not_double_escaped(
    http_slack: HttpSlack,
) -> None:
    message = await http_slack.run("/probe", "echo &lt;!here&gt; Tom &amp; Jerry")
    raw = json.dumps(message, ensure_ascii=False)
    assert "<!here>" not in raw
    assert "&lt;!here&gt; Tom &amp; Jerry" in raw
    assert "&amp;lt;" not in raw


async def test_a_request_replayed_after_a_restart_has_one_effect(
    http_slack: HttpSlack,
) -> None:
    """The same signed request, sent again within its 5-minute window to a restarted bot (or
    another worker on the same database), is acknowledged and not run again: its replay
    record was written with its first write, in the same transaction."""
    name = http_slack.new_name()
    body = http_slack.slash("/probe", "write replayed", name=name)
    headers = signed_headers(SECRET, body)
    first, answer = await http_slack.post(body, headers)
    assert first == 200 and "wrote replayed" in answer
    dispatcher = http_slack.running.dispatcher
    await http_slack.running.stop()
    http_slack.running = await start(dispatcher)  # a new process: empty memory, same database
    second, repeat = await http_slack.post(body, headers)
    assert (second, repeat) == (200, "")
    assert http_slack.probe.effects == {"replayed": 1}
    db = dispatcher.deps.storage.audit
    assert len(await db.recent_refusals(10, EVERYONE)) == 1  # the write happened once


async def test_a_lookup_replayed_after_a_restart_answers_again_without_a_record(
    http_slack: HttpSlack,
) -> None:
    """A look-up keeps no replay record (a replay of it is harmless): replayed to a restarted
    bot it simply answers again, and the database holds no key for it."""
    name = http_slack.new_name()
    body = http_slack.slash("/ring", "lookup Greenfield, WI", name=name)
    headers = signed_headers(SECRET, body)
    first, answer = await http_slack.post(body, headers)
    dispatcher = http_slack.running.dispatcher
    await http_slack.running.stop()
    http_slack.running = await start(dispatcher)
    second, again = await http_slack.post(body, headers)
    assert (first, second) == (200, 200)
    assert "No places are on record" in answer  # (an empty database)
    assert again == answer
    assert await dispatcher.deps.storage.dedupe.purge(FAR_FUTURE, TTL) == 0  # no record kept

"""Socket Mode over a fake websocket: hello, slash_commands envelopes, acks, reconnects."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from bot.core.deps import Deps
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.fake_slack.signing import slash_fields
from tests.platforms.slack.conftest import Running, slack_dispatcher, start
from tests.platforms.slack.probes import ProbeState


@dataclass
class SocketSlack:
    fake: FakeSlack
    running: Running
    probe: ProbeState
    ids: itertools.count[int]

    def envelope(self, command: str, text: str, name: str = "") -> dict[str, Any]:
        name = name or f"s{next(self.ids)}"
        payload = slash_fields(
            command=command,
            text=text,
            response_url=self.fake.response_url(name),
            trigger_id=f"trigger-{name}",
        )
        return {
            "envelope_id": f"env-{name}",
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": payload,
        }

    async def send(self, envelope: dict[str, Any], connection: int = 1) -> dict[str, Any]:
        ws = await self.fake.wait_connections(connection)
        await ws.send_json(envelope)
        return await self.fake.next_ack()


@pytest.fixture
async def socket_slack(
    fake_slack: FakeSlack, deps: Deps, probe_state: ProbeState
) -> AsyncIterator[SocketSlack]:
    dispatcher = slack_dispatcher(
        deps, probe_state, slack_app_token="xapp-test-token", slack_api_url=fake_slack.api_url
    )
    running = await start(dispatcher)
    try:
        yield SocketSlack(fake_slack, running, probe_state, itertools.count(1))
    finally:
        probe_state.slow_release.set()
        await running.stop()


async def test_connects_with_the_app_token_and_acks_each_envelope(
    socket_slack: SocketSlack,
) -> None:
    [opened] = socket_slack.fake.calls("apps.connections.open")
    assert opened.token == "xapp-test-token"
    envelope = socket_slack.envelope("/probe", "echo over the socket", name="a")
    ack = await socket_slack.send(envelope)
    assert ack["envelope_id"] == "env-a"
    reply = ack["payload"]  # a quick answer travels in the ack
    assert reply["response_type"] == "in_channel"
    assert "You said: over the socket" in reply["text"]


async def test_a_slow_answer_follows_on_the_response_url(socket_slack: SocketSlack) -> None:
    ack = await socket_slack.send(socket_slack.envelope("/probe", "slow", name="slow"))
    assert ack == {"envelope_id": "env-slow"}
    socket_slack.probe.slow_release.set()
    [reply] = await socket_slack.fake.responses_to("slow")
    assert reply["text"] == "slow done"


async def test_every_reply_is_escaped_over_the_socket_too(socket_slack: SocketSlack) -> None:
    ack = await socket_slack.send(socket_slack.envelope("/probe", "echo <!channel>", name="b"))
    reply = ack["payload"]
    assert "<!channel>" not in str(reply)
    assert "&lt;!channel&gt;" in reply["text"]


async def test_a_redelivered_envelope_is_acked_again_but_runs_once(
    socket_slack: SocketSlack,
) -> None:
    envelope = socket_slack.envelope("/probe", "count twice", name="c")
    first = await socket_slack.send(envelope)
    second = await socket_slack.send({**envelope, "retry_attempt": 1, "retry_reason": "timeout"})
    assert first["envelope_id"] == second["envelope_id"] == "env-c"
    assert "counted twice" in first["payload"]["text"]
    assert second == {"envelope_id": "env-c"}  # acknowledged, not run again
    await socket_slack.send(socket_slack.envelope("/probe", "count sentinel", name="d"))
    assert socket_slack.probe.effects == {"twice": 1, "sentinel": 1}


async def test_disconnect_leads_to_a_reconnect(socket_slack: SocketSlack) -> None:
    first = await socket_slack.fake.wait_connections(1)
    await first.send_json({"type": "disconnect", "reason": "refresh_requested"})
    await socket_slack.fake.wait_connections(2)
    assert len(socket_slack.fake.calls("apps.connections.open")) == 2
    # A probe, not /counterwatch: the help listing (with the probes) outgrew one Slack
    # message and goes up as a file, which an ack cannot carry.
    ack = await socket_slack.send(socket_slack.envelope("/probe", "echo reconnected", name="e"), 2)
    assert ack["envelope_id"] == "env-e"
    assert "reconnected" in ack["payload"]["text"]


async def test_stop_finishes_the_command_in_flight(socket_slack: SocketSlack) -> None:
    await socket_slack.send(socket_slack.envelope("/probe", "slow", name="f"))
    await socket_slack.probe.slow_started.wait()
    socket_slack.running.stop_event.set()
    await socket_slack.fake.wait_closed(1)  # the client closes its websocket first
    assert not socket_slack.running.task.done()
    socket_slack.probe.slow_release.set()
    await socket_slack.running.stop()
    [reply] = await socket_slack.fake.responses_to("f")
    assert reply["text"] == "slow done"

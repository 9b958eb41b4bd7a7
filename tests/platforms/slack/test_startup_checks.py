"""A wrong bot token or an unreachable API fails the start in one line, never a server that
listens and then answers every command with an error."""

from __future__ import annotations

import socket

import pytest

from bot.core.deps import Deps
from bot.core.preflight import PlatformStartError
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.slack.conftest import SECRET, slack_dispatcher, start
from tests.platforms.slack.probes import ProbeState


async def test_a_refused_token_fails_the_http_start(
    fake_slack: FakeSlack, deps: Deps, probe_state: ProbeState
) -> None:
    fake_slack.refuse_all_methods.add("auth.test")
    dispatcher = slack_dispatcher(
        deps, probe_state, slack_signing_secret=SECRET, slack_api_url=fake_slack.api_url
    )
    with pytest.raises(PlatformStartError, match="refused SLACK_BOT_TOKEN") as raised:
        await start(dispatcher)
    assert "\n" not in str(raised.value) and "xoxb" not in str(raised.value)


async def test_an_unreachable_api_fails_the_http_start(deps: Deps, probe_state: ProbeState) -> None:
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    dispatcher = slack_dispatcher(
        deps,
        probe_state,
        slack_signing_secret=SECRET,
        slack_api_url=f"http://127.0.0.1:{port}/api/",
    )
    with pytest.raises(PlatformStartError, match="cannot reach Slack's API"):
        await start(dispatcher)

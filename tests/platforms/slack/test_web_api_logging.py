"""The Web API client's calls leave no debug line: none is formatted, none reaches the log.

slack_sdk decides whether to format its debug lines from its logger's own level, not the
effective one, so an unset level cost every call the formatting of its request and response
and, with the root logger at DEBUG, logged them (a member's profile, a message's text).
"""

from __future__ import annotations

import logging

import aiohttp
import pytest

from bot.core.deps import Deps
from bot.platforms.slack.runner import build_adapter
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.slack.conftest import SECRET, slack_dispatcher
from tests.platforms.slack.probes import ProbeState


async def test_web_api_calls_log_nothing_even_at_debug(
    fake_slack: FakeSlack, deps: Deps, probe_state: ProbeState, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    dispatcher = slack_dispatcher(
        deps, probe_state, slack_signing_secret=SECRET, slack_api_url=fake_slack.api_url
    )
    async with aiohttp.ClientSession() as session:
        adapter = build_adapter(dispatcher, dispatcher.deps.settings, session)
        answer = await adapter.client.users_info(user="U0PRIVATE", include_locale=True)
    assert answer["ok"]
    assert adapter.client.logger.level > logging.DEBUG  # slack_sdk then formats nothing
    assert [r.getMessage() for r in caplog.records if r.name.startswith("slack_sdk")] == []

"""While the Slack server serves, the objects it started with are frozen out of the cyclic
collector's full passes (bot/platforms/web/heap.py); they are handed back when it stops."""

from __future__ import annotations

import gc

from bot.core.deps import Deps
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.slack.conftest import SECRET, slack_dispatcher, start
from tests.platforms.slack.probes import ProbeState


def tracked(marker: object) -> bool:
    """Whether the collector's generations hold `marker` (frozen objects are in none)."""
    return any(obj is marker for obj in gc.get_objects())


async def test_the_start_up_heap_is_frozen_while_serving_and_handed_back(
    fake_slack: FakeSlack, deps: Deps, probe_state: ProbeState
) -> None:
    marker: list[object] = []  # a container the collector tracks, alive from before the start
    assert tracked(marker)
    dispatcher = slack_dispatcher(
        deps, probe_state, slack_signing_secret=SECRET, slack_api_url=fake_slack.api_url
    )
    running = await start(dispatcher)
    try:
        assert not tracked(marker) and gc.get_freeze_count() > 0
    finally:
        await running.stop()
    assert tracked(marker)

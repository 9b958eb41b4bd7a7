"""A database fault over Slack HTTP: a full disk (SQLite) or a stopped server (PostgreSQL).

Look-ups answered from memory keep answering, a command that writes answers one line and
saves nothing, /healthz says degraded; once the fault ends, writes go through again and
/healthz is back to ok. Real sockets, the fake Slack, a real fault (tests/db_faults.py).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.core.health import Monitor
from bot.core.settings import Settings
from places.index import place_index
from storage.errors import UNAVAILABLE_MESSAGE
from tests.conftest import FIXED_NOW
from tests.db_faults import Fault, faulty, own_cluster  # noqa: F401 (fixtures)
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.slack.conftest import ORGANIZER, SECRET, HttpSlack, slack_dispatcher, start
from tests.platforms.slack.probes import ProbeState
from wiring import wire_deps

HEALTH_TOKEN = "health-token-for-fault-tests"
BEARER = {"Authorization": f"Bearer {HEALTH_TOKEN}"}


@pytest.fixture
async def slack_on(
    faulty: Fault,  # noqa: F811 (the fixture imported above)
    fake_slack: FakeSlack,
    probe_state: ProbeState,
    tmp_path: Path,
) -> AsyncIterator[HttpSlack]:
    """The Slack app over the faulty database, with the seed, the real Atlas and a campaign."""
    db = faulty.db  # with the seed and the Atlas (the test's `real_data` marker)
    deps = await wire_deps(db, Settings(db_path=str(tmp_path / "unused.db")), lambda: FIXED_NOW)
    await place_index(deps).reload()
    dispatcher = slack_dispatcher(
        deps,
        probe_state,
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
        health_token=HEALTH_TOKEN,  # /healthz on the public Slack port only with it
    )
    dispatcher.monitor = Monitor(writes=db)
    running = await start(dispatcher)
    async with aiohttp.ClientSession() as session:
        slack = HttpSlack(fake_slack, running, session, probe_state)
        try:
            created = await slack.run("/campaign", "create ring-free Ring-free", ORGANIZER)
            assert "ring-free" in json.dumps(created)
            yield slack
        finally:
            await running.stop()


async def health(slack: HttpSlack) -> tuple[int, dict[str, Any]]:
    url = f"http://127.0.0.1:{slack.running.port}/healthz"
    async with slack.session.get(url, headers=BEARER) as response:
        report: dict[str, Any] = await response.json()
        return response.status, report


@pytest.mark.real_data("seed", "atlas")  # `faulty` opens the database with them
async def test_lookups_answer_and_writes_say_so_in_one_line(
    faulty: Fault,  # noqa: F811
    slack_on: HttpSlack,
) -> None:
    slack = slack_on
    await faulty.start()

    status, name = await slack.send("/ring", "lookup Greenfield, WI")
    assert status == 200  # was: HTTP 500, empty body (the replay key written first)
    lookup = json.dumps(await slack.reply(name))
    assert "Greenfield" in lookup and "2020-10-07" in lookup

    joined = await slack.run("/campaign", "join ring-free")
    assert joined["text"] == UNAVAILABLE_MESSAGE  # one line, not an incident
    assert joined.get("response_type") == "ephemeral"

    status, report = await health(slack)
    assert status == 503 and report["status"] == "degraded"
    expected = "writes failing (disk full)" if faulty.kind == "disk full" else "unavailable"
    assert report["database"] == expected

    again = await slack.run("/ring", "lookup Greenfield, WI")  # still answering, after the write
    assert "Greenfield" in json.dumps(again)

    await faulty.end()
    joined = await slack.run("/campaign", "join ring-free")
    assert "ring-free" in json.dumps(joined) and joined["text"] != UNAVAILABLE_MESSAGE
    assert "Something went wrong" not in json.dumps(joined)
    status, report = await health(slack)
    assert (status, report["status"], report["database"]) == (200, "ok", "ok")

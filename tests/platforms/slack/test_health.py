"""/healthz and /metrics: on the Slack HTTP server, and alone on COUNTERWATCH_HEALTH_PORT."""

from __future__ import annotations

import asyncio
import os
import re
from typing import Any

import aiohttp

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.health import Monitor
from bot.core.settings import load_settings
from bot.platforms.web.health import serve_health
from commands import build_registry
from tests.conftest import identity
from tests.platforms.fake_slack.recorder import WAIT_SECONDS
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.fake_slack.signing import signed_headers
from tests.platforms.slack.conftest import SECRET, slack_dispatcher, start
from tests.platforms.slack.probes import ProbeState

HEALTH_TOKEN = "health-token-for-tests"
BEARER = {"Authorization": f"Bearer {HEALTH_TOKEN}"}


def metric(text: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    pattern = re.escape(name) + (r"\{" + re.escape(wanted) + r"\}" if labels else "")
    found = re.search("^" + pattern + r" ([0-9.e+-]+)$", text, re.MULTILINE)
    assert found is not None, f"{name} {labels} not in /metrics"
    return float(found.group(1))


async def get(session: aiohttp.ClientSession, url: str) -> tuple[int, str, Any]:
    async with session.get(url) as response:
        text = await response.text()
        body = await response.json() if response.content_type == "application/json" else None
        return response.status, text, body


async def test_slack_http_server_reports_health_and_metrics(
    fake_slack: FakeSlack, deps: Deps, probe_state: ProbeState
) -> None:
    dispatcher = slack_dispatcher(
        deps,
        probe_state,
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
        health_token=HEALTH_TOKEN,
    )
    dispatcher.monitor = Monitor()
    running = await start(dispatcher)
    base = f"http://127.0.0.1:{running.port}"
    try:
        async with aiohttp.ClientSession(headers=BEARER) as session:
            status, _, report = await get(session, base + "/healthz")
            assert status == 200
            assert report == {
                "status": "ok",
                "database": "ok",
                "platforms": {"slack": "serving"},
                "pid": os.getpid(),
            }
            body = "command=%2Fprobe&text=boom&team_id=T1&user_id=U1&channel_id=C1"
            body += "&response_url=" + fake_slack.response_url("m1") + "&trigger_id=t-m1"
            headers = signed_headers(SECRET, body)
            async with session.post(base + "/slack/events", data=body, headers=headers) as r:
                assert r.status == 200
            status, text, _ = await get(session, base + "/metrics")
            assert status == 200
            assert (
                metric(text, "counterwatch_commands_total", outcome="incident", platform="slack")
                == 1
            )
            assert metric(text, "counterwatch_command_errors_total", platform="slack") == 1
            assert metric(text, "counterwatch_command_seconds_count", platform="slack") == 1
            assert metric(text, "counterwatch_outbox_depth") == 0
            assert "boom" not in text
    finally:
        await running.stop()


async def test_the_health_port_serves_without_slack(deps: Deps) -> None:
    monitor = Monitor()
    dispatcher = Dispatcher(build_registry(), deps, monitor=monitor)
    await dispatcher.run_text(identity(), "/help")
    monitor.set_state("discord", "connecting")
    stop = asyncio.Event()
    ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(serve_health(deps, monitor, "127.0.0.1", 0, stop, ready.set_result))
    try:
        async with asyncio.timeout(WAIT_SECONDS):
            port = await ready
        async with aiohttp.ClientSession() as session:
            status, _, report = await get(session, f"http://127.0.0.1:{port}/healthz")
            assert status == 503  # a platform not connected yet is not healthy
            assert report["platforms"] == {"discord": "connecting"}
            assert report["database"] == "ok"
            _, text, _ = await get(session, f"http://127.0.0.1:{port}/metrics")
            assert metric(text, "counterwatch_commands_total", outcome="ok", platform="test") == 1
    finally:
        stop.set()
        await task


async def test_the_public_slack_port_serves_health_only_behind_the_token(
    fake_slack: FakeSlack, deps: Deps, probe_state: ProbeState
) -> None:
    for token, header, expected in (
        ("", BEARER, 404),  # no token set: not served on the public port at all
        (HEALTH_TOKEN, {}, 401),
        (HEALTH_TOKEN, {"Authorization": "Bearer wrong"}, 401),
        (HEALTH_TOKEN, BEARER, 200),
    ):
        dispatcher = slack_dispatcher(
            deps,
            probe_state,
            slack_signing_secret=SECRET,
            slack_api_url=fake_slack.api_url,
            health_token=token,
        )
        dispatcher.monitor = Monitor()
        running = await start(dispatcher)
        try:
            async with aiohttp.ClientSession(headers=header) as session:
                for path in ("/healthz", "/metrics"):
                    async with session.get(f"http://127.0.0.1:{running.port}{path}") as r:
                        assert r.status == expected, (token, header, path)
                        assert "counterwatch_" not in await r.text() or expected == 200
        finally:
            await running.stop()


def test_the_health_server_binds_loopback_unless_opened() -> None:
    assert load_settings({}).health_host == "127.0.0.1"
    opened = load_settings({"COUNTERWATCH_HEALTH_HOST": "0.0.0.0"})
    assert opened.health_host == "0.0.0.0"

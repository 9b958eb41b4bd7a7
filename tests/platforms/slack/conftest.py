"""A running Counterwatch Slack app (HTTP or Socket Mode) against the fake Slack."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.platforms.slack.runner import run_slack
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from tests.platforms.fake_slack.recorder import WAIT_SECONDS
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.fake_slack.signing import interactive_body, signed_headers, slash_body
from tests.platforms.slack.probes import ProbeState, add_probe_commands

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ADMIN = "UADMIN"
ORGANIZER = "UORG"
HOME_TEAM = "T1"  # the team slash_fields sends by default


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
def probe_state() -> ProbeState:
    return ProbeState()


def slack_dispatcher(deps: Deps, state: ProbeState, **settings: Any) -> Dispatcher:
    slack_settings = dataclasses.replace(
        deps.settings,
        slack_bot_token="xoxb-test-token",
        slack_admin_user_ids=frozenset({ADMIN}),
        slack_organizer_user_ids=frozenset({ORGANIZER}),
        slack_port=0,
        # The fake's own team is the operator's home: its admins change the shared facts.
        slack_home_team_ids=frozenset({HOME_TEAM}),
        **settings,
    )
    registry = build_registry()
    add_probe_commands(registry, state)
    deps = dataclasses.replace(deps, settings=slack_settings)
    # Refused attempts are recorded, as wiring.py does for the running bot.
    return Dispatcher(registry, deps, on_refusal=refusal_recorder(deps))


@dataclass
class Running:
    """A started run_slack task; `stop()` sets the event and waits for it to return."""

    dispatcher: Dispatcher
    stop_event: asyncio.Event
    task: asyncio.Task[None]
    port: int

    async def stop(self) -> None:
        self.stop_event.set()
        async with asyncio.timeout(WAIT_SECONDS):
            await self.task


async def start(dispatcher: Dispatcher) -> Running:
    stop = asyncio.Event()
    ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        run_slack(dispatcher, stop, host="127.0.0.1", ready=ready.set_result)
    )
    async with asyncio.timeout(WAIT_SECONDS):
        waiting: set[asyncio.Future[Any]] = {ready, task}
        await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        task.result()  # raises what went wrong
    return Running(dispatcher, stop, task, ready.result())


@dataclass
class HttpSlack:
    """Talks to the running app over HTTP, as Slack does."""

    fake: FakeSlack
    running: Running
    session: aiohttp.ClientSession
    probe: ProbeState
    _ids: itertools.count[int] = dataclasses.field(default_factory=lambda: itertools.count(1))
    acks: dict[str, str] = dataclasses.field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.running.port}/slack/events"

    def new_name(self) -> str:
        return f"r{next(self._ids)}"

    async def post(self, body: str, headers: dict[str, str]) -> tuple[int, str]:
        async with self.session.post(self.url, data=body.encode(), headers=headers) as response:
            return response.status, await response.text()

    def slash(self, command: str, text: str = "", user_id: str = "U1", **extra: str) -> str:
        """A signed-ready form body; its response_url name is `extra['name']` or fresh."""
        name = extra.pop("name", "") or self.new_name()
        return slash_body(
            command=command,
            text=text,
            response_url=self.fake.response_url(name),
            trigger_id=f"trigger-{name}",
            user_id=user_id,
            **extra,
        )

    async def send(self, command: str, text: str = "", user_id: str = "U1") -> tuple[int, str]:
        """Post a signed slash command; return (HTTP status, response_url name)."""
        name = self.new_name()
        body = self.slash(command, text, user_id, name=name)
        status, self.acks[name] = await self.post(body, signed_headers(SECRET, body))
        return status, name

    async def reply(self, name: str) -> dict[str, Any]:
        """The command's answer: carried by its ack when quick, else posted to response_url."""
        if self.acks.get(name):
            message: dict[str, Any] = json.loads(self.acks[name])
            return message
        return (await self.fake.responses_to(name))[0]

    async def run(self, command: str, text: str = "", user_id: str = "U1") -> dict[str, Any]:
        """Post a slash command and return its answer."""
        status, name = await self.send(command, text, user_id)
        assert status == 200
        return await self.reply(name)

    async def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        body = interactive_body(payload)
        return await self.post(body, signed_headers(SECRET, body))


@pytest.fixture
async def http_slack(
    fake_slack: FakeSlack, deps: Deps, probe_state: ProbeState
) -> AsyncIterator[HttpSlack]:
    dispatcher = slack_dispatcher(
        deps, probe_state, slack_signing_secret=SECRET, slack_api_url=fake_slack.api_url
    )
    running = await start(dispatcher)
    async with aiohttp.ClientSession() as session:
        try:
            yield HttpSlack(fake_slack, running, session, probe_state)
        finally:
            probe_state.slow_release.set()
            await running.stop()

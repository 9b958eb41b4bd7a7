"""Slow clients cannot starve the HTTP server: connections are capped below the descriptor
limit (the slowest reader makes way for a new one), a request must arrive within a read
deadline, a valid signed request is still answered, and the log stays a few lines."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import pytest

from bot.core.deps import Deps
from bot.platforms.web import connections
from testkit.waiting import eventually
from tests.platforms.fake_slack.recorder import WAIT_SECONDS
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.slack.conftest import SECRET, HttpSlack, slack_dispatcher, start
from tests.platforms.slack.probes import ProbeState

SLOW_CLIENTS = 300
CAP = 64


class SlowClient:
    """Sends a request's headers a byte at a time, never finishing them."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.closed_by_server = asyncio.Event()
        self._task = asyncio.create_task(self._trickle())

    async def _trickle(self) -> None:
        self.writer.write(b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        with contextlib.suppress(OSError):
            for byte in b"X-Slow: " + b"a" * 10_000:
                self.writer.write(bytes([byte]))
                await self.writer.drain()
                # The server's reply to a request never finished is EOF.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(0.05):
                        if await self.reader.read(1024) == b"":
                            break
        self.closed_by_server.set()

    async def close(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self.writer.close()


async def open_slow_clients(port: int, count: int) -> list[SlowClient]:
    clients = []
    for _ in range(count):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        clients.append(SlowClient(reader, writer))
    return clients


@pytest.fixture(autouse=True)
def small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connections, "MAX_CONNECTIONS", CAP)


async def test_many_slow_clients_do_not_starve_a_valid_request(
    http_slack: HttpSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    clients = await open_slow_clients(http_slack.running.port, SLOW_CLIENTS)
    try:
        message = await http_slack.run("/probe", "count valid")
        assert "counted valid" in str(message)
        # Everything beyond the cap was closed by the server, not held open.
        await eventually(
            lambda: sum(c.closed_by_server.is_set() for c in clients) >= SLOW_CLIENTS - CAP,
            timeout_s=WAIT_SECONDS,
            every_s=0.01,
        )
    finally:
        for client in clients:
            await client.close()
    flood_lines = [r for r in caplog.records if r.name == "counterwatch.http"]
    assert 1 <= len(flood_lines) <= 3, [r.getMessage() for r in flood_lines]
    assert "Traceback" not in caplog.text and "Too many open files" not in caplog.text


async def test_a_request_not_sent_in_time_is_closed(
    fake_slack: FakeSlack, deps: Deps, probe_state: ProbeState, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connections, "READ_TIMEOUT_S", 0.2)  # read when the server starts
    dispatcher = slack_dispatcher(
        deps, probe_state, slack_signing_secret=SECRET, slack_api_url=fake_slack.api_url
    )
    running = await start(dispatcher)
    try:
        [client] = await open_slow_clients(running.port, 1)
        try:
            async with asyncio.timeout(WAIT_SECONDS):
                await client.closed_by_server.wait()
        finally:
            await client.close()
    finally:
        await running.stop()

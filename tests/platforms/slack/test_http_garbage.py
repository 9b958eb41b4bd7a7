"""Unsigned garbage at the HTTP level (what aiohttp's own parser refuses) is counted into
the once-a-minute line: no traceback, no header value, however many arrive."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import pytest

from bot.core.deps import Deps
from bot.platforms.web import connections
from tests.platforms.fake_slack.recorder import WAIT_SECONDS
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.slack.conftest import SECRET, HttpSlack, slack_dispatcher, start
from tests.platforms.slack.probes import ProbeState

MARK = "attacker-controlled-marker"
HEAD = b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
GARBAGE = {
    "oversized header": HEAD + b"X-Big: " + MARK.encode() + b"a" * 20_000 + b"\r\n\r\n",
    "200 headers": HEAD + b"".join(b"X-H%d: %s\r\n" % (i, MARK.encode()) for i in range(200))
    + b"\r\n",
    "bad chunked encoding": HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz" + MARK.encode()
    + b"\r\n\r\n",
    "content-length with transfer-encoding": HEAD
    + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
}  # fmt: skip


async def send_raw(port: int, data: bytes) -> bytes:
    """Sends `data`, returns what the server answered before closing."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(data)
        await writer.drain()
        async with asyncio.timeout(WAIT_SECONDS):
            return await reader.read()
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


@pytest.mark.parametrize("name", list(GARBAGE))
async def test_garbage_is_counted_not_traced(
    http_slack: HttpSlack, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    caplog.set_level(logging.DEBUG)
    for _ in range(20):
        answer = await send_raw(http_slack.running.port, GARBAGE[name])
        assert answer[:10] in (b"HTTP/1.0 4", b"HTTP/1.1 4") or answer == b"", answer[:80]
    lines = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert len(lines) <= 1, [r.getMessage() for r in lines]
    assert all(r.exc_info is None for r in caplog.records)
    assert "Traceback" not in caplog.text and MARK not in caplog.text
    message = await http_slack.run("/probe", "count after")  # still serving
    assert "counted after" in str(message)


async def test_stalled_bodies_are_counted_not_traced(
    fake_slack: FakeSlack,
    deps: Deps,
    probe_state: ProbeState,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(connections, "READ_TIMEOUT_S", 0.2)  # read when the server starts
    dispatcher = slack_dispatcher(
        deps, probe_state, slack_signing_secret=SECRET, slack_api_url=fake_slack.api_url
    )
    running = await start(dispatcher)
    stalled = HEAD + b"Content-Length: 1000\r\nX-Mark: " + MARK.encode() + b"\r\n\r\nten bytes."
    try:
        for _ in range(5):
            assert not (await send_raw(running.port, stalled)).startswith(b"HTTP/1.1 2")
    finally:
        await running.stop()
    assert all(r.exc_info is None for r in caplog.records), [r.getMessage() for r in caplog.records]
    counted = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(counted) <= 2, [r.getMessage() for r in counted]  # the deadline, the reset
    assert "Traceback" not in caplog.text and MARK not in caplog.text

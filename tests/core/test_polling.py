"""The one poll loop: again at once after a full batch, a pause otherwise, a failing pass
logged and tried again, and a stop ends it (also in the middle of a pause)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.core.polling import poll_until_stopped

log = logging.getLogger("counterwatch.test-polling")
AN_HOUR = 3600.0  # a pause no test may sit through: each ends by `stop`, never by time


async def test_a_full_batch_runs_the_next_pass_at_once() -> None:
    stop = asyncio.Event()
    passes: list[int] = []

    async def one_pass() -> bool:
        passes.append(len(passes))
        if len(passes) == 3:
            stop.set()
        return True  # a full batch: no pause between passes

    await asyncio.wait_for(poll_until_stopped(stop, one_pass, AN_HOUR, log, "test"), 60)
    assert passes == [0, 1, 2]


async def test_a_stop_during_the_pause_ends_the_loop() -> None:
    stop = asyncio.Event()
    passes: list[int] = []

    async def one_pass() -> bool:
        passes.append(1)
        asyncio.get_running_loop().call_soon(stop.set)  # arrives while the loop pauses
        return False

    await asyncio.wait_for(poll_until_stopped(stop, one_pass, AN_HOUR, log, "test"), 60)
    assert passes == [1]


async def test_a_failing_pass_is_logged_without_its_message_and_tried_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    stop = asyncio.Event()
    passes: list[int] = []
    typed = "a member's text"

    async def one_pass() -> bool:
        passes.append(1)
        if len(passes) == 1:
            raise RuntimeError(typed)
        stop.set()
        return False

    with caplog.at_level(logging.ERROR, logger=log.name):
        await asyncio.wait_for(poll_until_stopped(stop, one_pass, 0.0, log, "test"), 60)
    assert len(passes) == 2
    assert "test pass failed; retrying after the pause: Traceback" in caplog.text
    assert caplog.text.rstrip().endswith("RuntimeError")
    assert "a member's text" not in caplog.text

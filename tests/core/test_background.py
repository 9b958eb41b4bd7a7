"""wiring.py starts and stops every background loop, the same set in every run mode: chat
platforms (also each Slack worker, which serves as chat does) and the console."""

from __future__ import annotations

import asyncio
import io
import logging
from pathlib import Path

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.core.settings import Settings
from bot.platforms import console
from wiring import (
    CHAT_POLLS,
    CONSOLE_POLLS,
    LOOP_NAMES,
    background_loops,
    console_background,
    open_app,
    serve_chat,
    serve_console,
)


def running_loops() -> set[str]:
    return {
        t.get_name().removeprefix("counterwatch-")
        for t in asyncio.all_tasks()
        if t.get_name().removeprefix("counterwatch-") in LOOP_NAMES
    }


def started_and_stopped(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.getMessage().startswith(("background loops started", "background loops stopped"))
    ]


@pytest.mark.parametrize("polls", [CHAT_POLLS, CONSOLE_POLLS])
async def test_the_loops_run_inside_the_block_and_end_cleanly_after_it(
    deps: Deps, polls: object
) -> None:
    assert running_loops() == set()
    async with background_loops(
        deps, CHAT_POLLS if polls is CHAT_POLLS else CONSOLE_POLLS
    ) as tasks:
        await asyncio.sleep(0)  # each has made its first pass and now pauses
        assert set(tasks) == set(LOOP_NAMES) == running_loops()
        assert not any(t.done() for t in tasks.values())
    # Stopped by being told, not cancelled; none failed; none left behind.
    assert all(t.done() and not t.cancelled() and t.exception() is None for t in tasks.values())
    assert running_loops() == set()


async def test_the_console_runs_the_same_loops(
    dispatcher: Dispatcher,
) -> None:
    async with console_background(dispatcher.deps)() as tasks:
        assert set(tasks) == set(LOOP_NAMES)
    assert running_loops() == set()


async def test_every_run_mode_starts_the_same_loops_and_stops_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="counterwatch")
    settings = Settings(db_path=str(tmp_path / "modes.db"))
    seen_in_chat: list[set[str]] = []

    async def platform(dispatcher: Dispatcher, stop: asyncio.Event) -> None:
        await asyncio.sleep(0)
        seen_in_chat.append(running_loops())  # what runs beside a chat platform

    async with open_app(settings) as app:
        await serve_chat(app, [platform])
    assert seen_in_chat == [set(LOOP_NAMES)] and running_loops() == set()
    chat = started_and_stopped(caplog)
    caplog.clear()

    monkeypatch.setattr("sys.stdin", io.StringIO("/help\n"))
    async with open_app(settings) as app:
        await serve_console(app, console.console_identity(Role.ADMIN))
    assert running_loops() == set()
    assert (
        started_and_stopped(caplog)
        == chat
        == [
            "background loops started: delivery, reminders, cards",
            "background loops stopped: delivery, reminders, cards",
        ]
    )

"""Debian's headless Chromium driven by Playwright, against the pages' real server on
127.0.0.1. scripts/ensure-chromium (run by `make test`) installs the browser and axe-core;
without them these tests skip with the reason, except under CI (CI=true), where they fail."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.settings import Settings
from bot.platforms.web.pages import serve_pages
from commands import build_registry
from places.index import place_index
from storage.seed import ensure_seed
from storage.sql import Db
from testkit.letters_facts import letters_agencies as hand_written_agencies
from tests.conftest import FIXED_NOW
from wiring import wire_deps

CHROMIUM = Path(os.environ.get("COUNTERWATCH_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / ".browser-tools/node_modules/axe-core/axe.min.js"
# No network, no updates, no sandbox (root in CI), no GPU: a quiet, offline browser.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marked `browser`: a real browser takes seconds per test by nature, so `make test-fast`
    leaves these out (`make test` runs them); a new module here is marked without a list."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (under CI the browser tests must run: scripts/ensure-chromium)")
    pytest.skip(f"{reason}; scripts/ensure-chromium installs it (make test runs it)")


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    if not CHROMIUM.is_file():
        unavailable(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
def axe_source() -> str:
    if not AXE.is_file():
        unavailable(f"no axe-core at {AXE}")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where each test's screenshots go: COUNTERWATCH_SCREENSHOTS, else the test's tmp dir."""
    chosen = os.environ.get("COUNTERWATCH_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Served:
    base: str
    deps: Deps
    dispatcher: Dispatcher


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def served(db: Db, tmp_path: Path) -> AsyncIterator[Served]:
    """The bot's pages server as `main.py run` starts it, over a database with the seed
    facts and Greenfield, WI (so a petition drafts for it)."""
    await ensure_seed(db, now=FIXED_NOW)
    await db.write(hand_written_agencies)
    port = _free_port()
    settings = Settings(db_path=str(tmp_path / "t.db"), web_port=port)
    deps = await wire_deps(db, settings, lambda: FIXED_NOW)
    await place_index(deps).reload()
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(serve_pages(deps, stop, ready=lambda _: ready.set()))
    await asyncio.wait_for(ready.wait(), 10)
    try:
        yield Served(f"http://127.0.0.1:{port}", deps, Dispatcher(build_registry(), deps))
    finally:
        stop.set()
        await task

"""Fixtures for the admin and follow tests: a small facts database, a movable clock,
a fake DirectMessenger (our own protocol), and a dispatcher that records refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.messengers import DeliveryError, Messengers
from bot.core.settings import Settings
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from storage.db import Database
from storage.facts import write as fw
from storage.sql import Conn
from tests.conftest import FIXED_NOW
from wiring import wire_deps


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


class FakeMessenger:
    """Implements bot.core.messengers.DirectMessenger.

    The next `failures` DMs fail transiently; DMs to `closed_dms` fail permanently; the
    next `channel_failures` channel posts fail.
    """

    def __init__(self, platform: str = "test") -> None:
        self.platform = platform
        self.sent: list[tuple[str, str, str]] = []
        self.posts: list[tuple[str, str, str]] = []  # (workspace, channel, text)
        self.failures = 0
        self.closed_dms: set[str] = set()
        self.channel_failures = 0

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        if user_id in self.closed_dms:
            raise DeliveryError("the member's direct messages are closed", permanent=True)
        if self.failures > 0:
            self.failures -= 1
            raise DeliveryError("the member's direct messages are closed")
        self.sent.append((workspace, user_id, text))

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        if self.channel_failures > 0:
            self.channel_failures -= 1
            raise DeliveryError("the platform is down")
        self.posts.append((workspace, channel_id, text))


async def seed_small(conn: Conn) -> None:
    """Greenfield and Milwaukee (WI, Milwaukee County), a Ring partnership, Amazon."""
    source = await fw.upsert_source(conn, "https://example.org/ring-map", "Ring", "2019-05-14")
    greenfield = await fw.upsert_agency(
        conn, "Greenfield Police Department", "WI", city="Greenfield",
        county="Milwaukee County", kind="Police",
    )  # fmt: skip
    await fw.upsert_agency(
        conn, "Milwaukee Police Department", "WI", city="Milwaukee",
        county="Milwaukee County", kind="Police",
    )  # fmt: skip
    await fw.upsert_deployment(
        conn, greenfield, "Ring/Neighbors Partnership", source, "2020-10-07",
        natural_key="test:greenfield:ring", vendor="Ring", started="2019-05-14",
        started_precision="day",
    )  # fmt: skip
    await fw.upsert_company(conn, "amazon", "Amazon", ("aws", "rekognition"))


@pytest.fixture
def clock() -> Clock:
    return Clock(FIXED_NOW)


@pytest.fixture
def messenger() -> FakeMessenger:
    return FakeMessenger()


@pytest.fixture
async def fdeps(db: Database, tmp_path: Path, clock: Clock, messenger: FakeMessenger) -> Deps:
    await db.write(seed_small)
    messengers = Messengers()
    messengers.register(messenger)
    return await wire_deps(
        db, Settings(db_path=str(tmp_path / "test.db")), clock, messengers=messengers
    )


@pytest.fixture
def disp(fdeps: Deps) -> Dispatcher:
    return Dispatcher(build_registry(), fdeps, on_refusal=refusal_recorder(fdeps))


async def table_state(db: Database) -> dict[str, list[Any]]:
    """Every fact row, for 'nothing changed' and 'restored exactly' comparisons."""
    state: dict[str, list[Any]] = {}
    for table in ("agencies", "sources", "deployments", "company_events", "laws", "datasets"):
        rows = await db.fetchall(f"SELECT * FROM {table} ORDER BY 1")
        state[table] = [tuple(r) for r in rows]
    return state


async def count(db: Database, sql: str, params: tuple[object, ...] = ()) -> int:
    row = await db.fetchone(sql, params)
    assert row is not None
    return int(row[0])

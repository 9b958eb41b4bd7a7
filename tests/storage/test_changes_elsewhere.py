"""Another process's changes reach this one's caches without a restart.

Two Database objects on one file are two connections pairs, exactly as two processes have;
the watch's timer is off (watch_every_s=0) and the test looks explicitly (`poll_changes`),
so nothing here depends on timing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.settings import Settings
from places.index import place_index
from storage.campaigns.models import NewCampaign
from storage.campaigns.repository import CampaignStore
from storage.db import Database
from storage.facts import write as fw
from storage.sql import Conn
from testkit.waiting import eventually
from tests.conftest import FIXED_NOW
from wiring import wire_deps


@pytest.fixture
async def pair(tmp_path: Path) -> AsyncIterator[tuple[Database, Database]]:
    """(here, elsewhere): this process's database, and another process's on the same file."""
    here = await Database.open(tmp_path / "shared.db", watch_every_s=0)
    elsewhere = await Database.open(tmp_path / "shared.db", watch_every_s=0)
    try:
        yield here, elsewhere
    finally:
        await elsewhere.close()
        await here.close()


async def test_a_campaign_closed_elsewhere_is_seen_closed(pair: tuple[Database, Database]) -> None:
    here, elsewhere = pair
    ours, theirs = CampaignStore(here), CampaignStore(elsewhere)
    new = NewCampaign("W1", "shut", "Shut", None, "", "", None, "2026-11-26")
    assert await ours.create(new)
    cached = await ours.find("W1", "shut")
    assert cached is not None and cached.closed_on is None  # now in this process's cache
    assert await theirs.close(cached, "2026-11-27")
    assert await here.poll_changes()
    seen = await ours.find("W1", "shut")
    assert seen is not None and seen.closed_on == "2026-11-27"


async def test_own_writes_are_not_changes_elsewhere(pair: tuple[Database, Database]) -> None:
    here, _ = pair
    await CampaignStore(here).create(NewCampaign("W1", "own", "Own", None, "", "", None, "d"))
    assert not await here.poll_changes()  # no reload storm under our own sign-ups
    assert here.elsewhere_generation == 0


async def test_the_place_index_reloads_after_an_import_elsewhere(
    pair: tuple[Database, Database], tmp_path: Path
) -> None:
    here, elsewhere = pair
    deps = await wire_deps(here, Settings(db_path=str(tmp_path / "shared.db")), lambda: FIXED_NOW)
    index = place_index(deps)
    before = len(index)

    async def add_agency(conn: Conn) -> None:
        await fw.upsert_agency(
            conn, "Quillfield Police Department", "WI", city="Quillfield", kind="Police"
        )

    await elsewhere.write(add_agency)
    assert len(index) == before  # not yet noticed
    assert await here.poll_changes()
    assert len(index) > before
    assert index.resolve("Quillfield, WI").state == "WI"


async def test_the_watch_looks_on_its_own(tmp_path: Path) -> None:
    here = await Database.open(tmp_path / "timer.db", watch_every_s=0.01)
    elsewhere = await Database.open(tmp_path / "timer.db", watch_every_s=0)
    try:
        await elsewhere.write_statement("INSERT INTO sources (url) VALUES ('https://x')")
        await eventually(lambda: here.elsewhere_generation > 0, timeout_s=30, every_s=0.01)
    finally:
        await elsewhere.close()
        await here.close()

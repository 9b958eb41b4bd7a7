"""Another process's changes on PostgreSQL (LISTEN/NOTIFY): which reloads they start, and
that one arriving while a reload runs is not lost. Two PgDatabase objects on one database
are two processes' connections; `poll_changes` waits for what was committed before it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from storage.campaigns.models import NewCampaign
from storage.campaigns.repository import CampaignStore
from storage.facts import FACT_TABLES
from storage.facts import write as fw
from storage.postgres.db import PgDatabase
from storage.sql import Conn
from testkit.waiting import eventually


@pytest.fixture
async def pair(pg_url: str) -> AsyncIterator[tuple[PgDatabase, PgDatabase]]:
    """(here, elsewhere): this process's database, and another process's."""
    here = await PgDatabase.open(pg_url)
    elsewhere = await PgDatabase.open(pg_url)
    try:
        yield here, elsewhere
    finally:
        await elsewhere.close()
        await here.close()


async def add_agency(db: PgDatabase, name: str) -> None:
    async def job(conn: Conn) -> None:
        await fw.upsert_agency(conn, name, "WI", city="Greenfield")

    await db.write(job)


async def test_a_campaign_made_elsewhere_reloads_no_facts(
    pair: tuple[PgDatabase, PgDatabase],
) -> None:
    here, elsewhere = pair
    reloads: list[str] = []

    async def reload_facts() -> None:
        reloads.append("facts")

    here.on_change_elsewhere(reload_facts, tables=FACT_TABLES)
    new = NewCampaign("W1", "vote", "Vote", None, "", "", None, "2026-11-26")
    assert await CampaignStore(elsewhere).create(new)
    assert await here.poll_changes()  # noticed: the campaign cache drops its entries
    assert reloads == []  # but the place index is not rebuilt for it
    await add_agency(elsewhere, "Greenfield Police Department")
    assert await here.poll_changes()
    assert reloads == ["facts"]


async def test_a_change_arriving_while_a_reload_runs_reloads_again(
    pair: tuple[PgDatabase, PgDatabase],
) -> None:
    here, elsewhere = pair
    reloads = 0

    async def reload_facts() -> None:
        nonlocal reloads
        reloads += 1
        if reloads == 1:  # this reload has read; now another change commits elsewhere
            seen = here.elsewhere_generation
            await add_agency(elsewhere, "Milwaukee Police Department")
            # its notice arrived meanwhile
            await eventually(lambda: here.elsewhere_generation != seen, every_s=0.01)

    here.on_change_elsewhere(reload_facts, tables=FACT_TABLES)
    await add_agency(elsewhere, "Greenfield Police Department")
    assert await here.poll_changes()
    assert reloads == 2  # the first reload's read predates the second change

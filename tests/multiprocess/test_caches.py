"""What one process keeps in memory follows another's edits on PostgreSQL (LISTEN/NOTIFY):
the place index behind /ring lookup, and the campaign cache behind /campaign join."""

from __future__ import annotations

from pathlib import Path

from storage.postgres.db import PgDatabase
from testkit.waiting import eventually
from tests.commands.admin.conftest import seed_small
from tests.multiprocess.procs import BotProcess, bots

GREENFIELD = '"Greenfield Police Department, WI"'
SEEN_WITHIN_S = 10.0  # a generous bound for a busy machine; the delay itself is reported


async def load_sample_facts(url: str) -> None:
    db = await PgDatabase.open(url, watch=False)
    try:
        await db.write(seed_small)  # Greenfield, WI: a Ring partnership since 2019-05-14
    finally:
        await db.close()


async def lookup(bot: BotProcess, place: str = "Greenfield, WI") -> str:
    return await bot.run_ok("member", "M1", f"/ring lookup {place}")


async def test_a_fact_edited_in_one_process_shows_in_the_others_lookup(
    pg_url: str, tmp_path: Path
) -> None:
    await load_sample_facts(pg_url)
    async with bots(pg_url, tmp_path) as (a, b):
        assert "on 2019-05-14" in await lookup(b)  # B's index is built, from the old fact
        await a.run_ok(
            "admin", "A1", f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/a"
        )

        async def b_sees_it() -> bool:
            return "on 2019-06-01" in await lookup(b)

        delay = await eventually(b_sees_it, timeout_s=SEEN_WITHIN_S)
        assert "2019-05-14" not in await lookup(b)
        # A new agency (and its place) too, not only a changed date.
        await a.run_ok(
            "admin",
            "A1",
            '/facts set-partnership "Smalltown Police Department" 2021-03-01'
            " https://ex.org/c create:yes state:WI city:Smalltown",
        )

        async def b_knows_smalltown() -> bool:
            answer = await b.run("member", "M1", "/ring lookup Smalltown, WI")
            return not answer["error"] and "on 2021-03-01" in answer["text"]

        new_place = await eventually(b_knows_smalltown, timeout_s=SEEN_WITHIN_S)
    print(f"edit seen in B after {delay:.3f} s; new place after {new_place:.3f} s")


async def test_a_campaign_created_then_closed_in_one_process_is_seen_in_the_other_at_once(
    pg_url: str, tmp_path: Path
) -> None:
    async with bots(pg_url, tmp_path) as (a, b):
        refused = await b.run("member", "M1", "/campaign join vote")
        assert refused["error"]  # no such campaign yet
        await a.run_ok("organizer", "O1", "/campaign create vote Vote")
        joined = await b.run_ok("member", "M1", "/campaign join vote")  # at once, no waiting
        assert "already" not in joined
        await a.run_ok("organizer", "O1", "/campaign close vote")
        closed = await b.run("member", "M2", "/campaign join vote")
        assert closed["error"] and "closed" in closed["text"], closed

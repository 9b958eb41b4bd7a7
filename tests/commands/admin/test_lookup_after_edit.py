"""/ring lookup answers from memory (the place index and the facts loaded with it), so
every fact change must show in the very next lookup, and a lookup must need no database."""

from __future__ import annotations

from pathlib import Path

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Reply, Role
from bot.core.settings import Settings
from commands import build_registry
from places.index import place_index
from storage.db import Database
from storage.facts import write as fw
from storage.sql import Conn
from tests.commands.admin.conftest import seed_small
from tests.conftest import FIXED_NOW, identity
from wiring import wire_deps

ADMIN = identity(Role.ADMIN, user_id="A1")
MEMBER = identity(Role.MEMBER, user_id="M1")
GREENFIELD = '"Greenfield Police Department, WI"'


async def lookup(disp: Dispatcher, place: str = "Greenfield, WI") -> Reply:
    reply = await disp.run_text(MEMBER, f"/ring lookup {place}")
    assert not reply.error, reply.text
    return reply


async def admin(disp: Dispatcher, line: str) -> None:
    reply = await disp.run_text(ADMIN, line)
    assert not reply.error, reply.text


def field(reply: Reply, name: str) -> str:
    return next(f.value for f in reply.fields if f.name == name)


async def test_partnership_edits_show_in_the_next_lookup(disp: Dispatcher) -> None:
    before = await lookup(disp)
    assert "on 2019-05-14" in field(before, "Greenfield Police Department, WI")
    await admin(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/a")
    moved = field(await lookup(disp), "Greenfield Police Department, WI")
    assert "on 2019-06-01" in moved and "2019-05-14" not in moved
    await admin(disp, f"/facts end-partnership {GREENFIELD} 2024-01-31 https://ex.org/end")
    assert "ended on 2024-01-31" in field(await lookup(disp), "Greenfield Police Department, WI")
    await admin(disp, "/facts undo C2")
    assert "ended" not in field(await lookup(disp), "Greenfield Police Department, WI")


async def test_a_new_agency_and_its_county_neighbours_show_at_once(disp: Dispatcher) -> None:
    milwaukee = await lookup(disp, "Milwaukee, WI")
    assert "No Ring partnership is on record" in milwaukee.text
    assert "Greenfield Police Department" in field(
        milwaukee, "Agencies in Milwaukee County, WI that do partner with Ring"
    )
    await admin(
        disp,
        '/facts set-partnership "Milwaukee Police Department, WI" 2020-02-03 https://ex.org/m',
    )
    after = await lookup(disp, "Milwaukee, WI")
    assert "on 2020-02-03" in field(after, "Milwaukee Police Department, WI")
    await admin(
        disp,
        '/facts set-partnership "Smalltown Police Department" 2021-03-01 https://ex.org/c'
        " create:yes state:WI city:Smalltown",
    )
    assert "on 2021-03-01" in field(
        await lookup(disp, "Smalltown, WI"), "Smalltown Police Department, WI"
    )


async def test_ring_status_and_dataset_date_follow_the_database(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    first = await lookup(disp)
    assert "What that date means today" not in first.as_text()  # no Ring timeline on record yet
    assert "as recorded in the EFF Atlas snapshot" not in first.as_text()  # nor a snapshot

    async def ring_and_atlas(conn: Conn) -> None:
        await fw.upsert_company(conn, "ring", "Ring")
        await fw.record_dataset(conn, "eff-atlas", "2020-10-07", "2020-10-08T00:00:00Z", 1)

    await db.write(ring_and_atlas)
    await place_index(fdeps).reload()  # a write made outside the admin commands: reload by hand
    assert "What that date means today" not in (await lookup(disp)).as_text()  # no status yet
    await admin(
        disp,
        '/facts add-event Ring 2024-01-24 restriction "Police requests through the app end"'
        ' https://ex.org/ring status:"No police requests in the app"',
    )
    today = (await lookup(disp)).after.split("What that date means today:\n", 1)[1]
    assert today.startswith("- 2024-01-24: No police requests in the app.")
    assert "https://ex.org/ring" in today


async def test_a_lookup_needs_no_database_trip(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "own.db")
    await db.write(seed_small)
    deps = await wire_deps(db, Settings(db_path=str(tmp_path / "own.db")), lambda: FIXED_NOW)
    disp = Dispatcher(build_registry(), deps)
    answers = [await lookup(disp, p) for p in ("Greenfield, WI", "Milwaukee, WI")]
    await db.close()  # any read now would fail (and the dispatcher would answer an incident)
    assert [await lookup(disp, p) for p in ("Greenfield, WI", "Milwaukee, WI")] == answers

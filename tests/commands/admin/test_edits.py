"""Each admin edit, its audit entry and its undo; refusals; bad input changes nothing."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from places.index import place_index
from storage import audit
from storage.db import Database
from storage.sql import Conn
from tests.commands.admin.conftest import count, table_state
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
GREENFIELD = '"Greenfield Police Department, WI"'


async def run(disp: Dispatcher, line: str, who: object = ADMIN) -> str:
    reply = await disp.run_text(who, line)  # type: ignore[arg-type]
    assert not reply.error, reply.text
    return reply.as_text()


async def fails(disp: Dispatcher, line: str, who: object = ADMIN) -> str:
    reply = await disp.run_text(who, line)  # type: ignore[arg-type]
    assert reply.error, reply.text
    return reply.text


async def test_set_partnership_update_is_audited_and_undone_exactly(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    start = await table_state(db)
    text = await run(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/a")
    assert "Change C1" in text and "D1" in text
    row = await db.fetchone("SELECT started, source_id FROM deployments WHERE id = 1")
    assert row is not None and row["started"] == "2019-06-01"
    change = await audit.get_change(db, 1)
    assert change is not None
    assert change.author.user_id == "A1" and change.author.user_name == "user A1"
    assert change.source_url == "https://ex.org/a" and change.fact_id == "D1"
    assert change.before is not None and change.before["started"] == "2019-05-14"
    assert change.after is not None and change.after["started"] == "2019-06-01"
    await run(disp, "/facts undo C1")
    assert await table_state(db) == start
    undone = await audit.get_change(db, 1)
    assert undone is not None and undone.undone_by == 2
    undo_entry = await audit.get_change(db, 2)
    assert undo_entry is not None and undo_entry.action == "undo" and undo_entry.undoes == 1


async def test_new_agency_needs_create_and_its_undo_removes_it(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    start = await table_state(db)
    line = '/facts set-partnership "Smalltown Police Department" 2021-03-01 https://ex.org/c'
    assert "create:yes" in await fails(disp, line)
    assert "state" in await fails(disp, line + " create:yes")
    assert await table_state(db) == start
    await run(disp, line + " create:yes state:WI city:Smalltown")
    assert place_index(fdeps).resolve("Smalltown, WI").label == "Smalltown, WI"  # index reloaded
    assert await count(db, "SELECT COUNT(*) FROM agencies WHERE city = 'Smalltown'") == 1
    await run(disp, "/facts undo C1")
    assert await table_state(db) == start


async def test_a_state_in_the_name_and_in_state_is_named_once(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    line = '/facts set-partnership "Smalltown Police Department, WI" 2021-03-01 https://ex.org/c'
    assert "says WI but state: says MN" in await fails(disp, line + " create:yes state:MN")
    await run(disp, line + " create:yes state:WI city:Smalltown")
    names = await db.fetchall("SELECT name, state FROM agencies WHERE city = 'Smalltown'")
    assert [(r["name"], r["state"]) for r in names] == [("Smalltown Police Department", "WI")]


async def test_end_partnership_and_undo(disp: Dispatcher, fdeps: Deps, db: Database) -> None:
    start = await table_state(db)
    await run(disp, f"/facts end-partnership {GREENFIELD} 2024-01-31 https://ex.org/end")
    row = await db.fetchone("SELECT ended FROM deployments WHERE id = 1")
    assert row is not None and row["ended"] == "2024-01-31"
    assert "no ongoing" in await fails(
        disp, f"/facts end-partnership {GREENFIELD} 2024-02-01 https://ex.org/x"
    )
    await run(disp, "/facts undo C1")
    assert await table_state(db) == start


async def test_end_before_start_and_future_and_impossible_dates(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    start = await table_state(db)
    base = f"/facts end-partnership {GREENFIELD}"
    assert "cannot end before" in await fails(disp, f"{base} 2018-01-01 https://ex.org/x")
    assert "future" in await fails(disp, f"{base} 2027-01-01 https://ex.org/x")
    assert "not a real calendar date" in await fails(disp, f"{base} 2021-02-31 https://ex.org/x")
    assert "YYYY-MM-DD" in await fails(disp, f"{base} 31/01/2024 https://ex.org/x")
    assert await table_state(db) == start
    assert await count(db, "SELECT COUNT(*) FROM changes") == 0


@pytest.mark.parametrize(
    "url",
    [
        "ftp://ex.org/a",
        "javascript:alert(1)",
        "https://",
        "example.org/story",
        "https://ex.org/" + "a" * 600,
        "http://ex.org:99999/",
    ],
)
async def test_source_must_be_http_url(
    disp: Dispatcher, fdeps: Deps, url: str, db: Database
) -> None:
    start = await table_state(db)
    await fails(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 {url}")
    assert await table_state(db) == start


async def test_add_event_and_undo(disp: Dispatcher, fdeps: Deps, db: Database) -> None:
    start = await table_state(db)
    text = await run(
        disp, '/facts add-event aws 2021-05-18 extension "Extended indefinitely" https://ex.org/r'
    )
    assert "E1" in text
    row = await db.fetchone("SELECT kind, summary, happened FROM company_events")
    assert row is not None and tuple(row) == ("extension", "Extended indefinitely", "2021-05-18")
    assert "No company" in await fails(
        disp, '/facts add-event Initech 2021-05-18 exit "x" https://ex.org/r'
    )
    assert "must be one of" in await fails(
        disp, '/facts add-event Amazon 2021-05-18 party "x" https://ex.org/r'
    )
    history = await run(disp, "/facts history Amazon")
    assert "C1" in history and "Extended indefinitely" in history
    await run(disp, "/facts undo C1")
    assert await table_state(db) == start


async def test_add_law_levels_and_undo(disp: Dispatcher, fdeps: Deps, db: Database) -> None:
    start = await table_state(db)
    await run(disp, '/facts add-law "King County, WA" ban 2021-06-01 in-force https://ex.org/k')
    await run(
        disp, "/facts add-law Virginia ban 2021-07-01 reversed https://ex.org/v changed:2022-07-01"
    )
    await run(disp, '/facts add-law "Oakland, CA" ban 2019-07-16 in-force https://ex.org/o')
    rows = await db.fetchall("SELECT jurisdiction, level, state, county, city FROM laws")
    assert [tuple(r) for r in rows] == [
        ("King County, WA", "county", "WA", "King County", ""),
        ("Virginia", "state", "VA", "", ""),
        ("Oakland, CA", "city", "CA", "", "Oakland"),
    ]
    assert "changed:" in await fails(
        disp, "/facts add-law Virginia ban 2021-07-01 repealed https://ex.org/v"
    )
    assert "state" in await fails(
        disp, "/facts add-law Atlantis ban 2021-07-01 in-force https://ex.org/v"
    )
    for change in ("C3", "C2", "C1"):
        await run(disp, f"/facts undo {change}")
    assert await table_state(db) == start


async def test_remove_and_undo_bring_back_the_same_id(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    start = await table_state(db)
    text = await run(disp, "/facts remove D1 https://ex.org/wrong")
    assert "Removed D1" in text
    assert await count(db, "SELECT COUNT(*) FROM deployments") == 0
    assert "no fact D1" in await fails(disp, "/facts remove D1 https://ex.org/wrong")
    await run(disp, "/facts undo C1")
    assert await table_state(db) == start


@pytest.mark.parametrize("fact", ["X1", "D", "D-1", "123", "D1; DROP TABLE laws"])
async def test_bad_fact_ids(disp: Dispatcher, fact: str) -> None:
    assert "fact id" in await fails(disp, f'/facts remove "{fact}" https://ex.org/x')


async def test_undo_rules(disp: Dispatcher, fdeps: Deps) -> None:
    await run(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/a")
    await run(disp, f"/facts end-partnership {GREENFIELD} 2024-01-31 https://ex.org/b")
    # C2 touched the same fact later: C1 cannot be undone first.
    assert "undo C2 first" in await fails(disp, "/facts undo C1")
    await run(disp, "/facts undo C2")
    assert "already undone" in await fails(disp, "/facts undo C2")
    assert "itself an undo" in await fails(disp, "/facts undo C3")
    await run(disp, "/facts undo C1")
    assert "There is no change C99" in await fails(disp, "/facts undo C99")
    assert "change id" in await fails(disp, "/facts undo yesterday")


async def test_undo_refuses_when_the_row_changed_outside_the_log(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await run(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/a")

    async def tamper(conn: Conn) -> None:
        await conn.execute("UPDATE deployments SET vendor = 'Other' WHERE id = 1")

    await db.write(tamper)
    assert "outside the audit log" in await fails(disp, "/facts undo C1")
    row = await db.fetchone("SELECT started, vendor FROM deployments WHERE id = 1")
    assert row is not None and tuple(row) == ("2019-06-01", "Other")


async def test_member_is_refused_and_the_refusal_is_audited(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    member = identity(Role.MEMBER, user_id="M7")
    start = await table_state(db)
    text = await fails(disp, "/facts remove D1 https://ex.org/x", who=member)
    assert "only the operator's facts admins" in text
    assert await table_state(db) == start
    refusals = await audit.refusals_by(db, "test", "M7")
    assert len(refusals) == 1
    assert refusals[0].command == "facts remove" and refusals[0].author.user_name == "user M7"
    assert "https" not in str(refusals[0])  # option values are never recorded
    history = await run(disp, "/facts history")
    assert "Refused attempts (commands run without the role for them):" in history
    assert f"R{refusals[0].id} · " in history and "/facts remove" in history
    # Refusals have their own numbering: the first real change is still C1.
    changed = await run(disp, '/facts set-partnership "Greenfield Police Department, WI" 2019-06'
                        " https://ex.org/g")  # fmt: skip
    assert "Change C1 recorded" in changed


async def test_history_shows_who_when_before_and_after(disp: Dispatcher) -> None:
    await run(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/a")
    text = await run(disp, "/facts history Greenfield, WI")
    assert "C1" in text and "user A1 (test:A1)" in text and "2026-11-26 12:00" in text
    # In words: what changed, with sources as links, never raw columns or source ids.
    assert "start date 2019-05-14 → 2019-06-01" in text
    assert "source https://example.org/ring-map → https://ex.org/a" in text
    assert "source_id" not in text and "started=" not in text
    assert "No changes" in await run(disp, "/facts history Milwaukee, WI")
    assert "C1" in await run(disp, "/facts history D1")


async def test_control_characters_and_huge_input(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    start = await table_state(db)
    await fails(disp, '/facts add-event Amazon 2021-05-18 exit "a\x07b" https://ex.org/r')
    await fails(disp, f'/facts add-event Amazon 2021-05-18 exit "{"x" * 400}" https://ex.org/r')
    await fails(disp, f"/facts set-partnership {'y' * 300} 2019-06-01 https://ex.org/a")
    assert await table_state(db) == start

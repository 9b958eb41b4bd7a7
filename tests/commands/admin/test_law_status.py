"""/facts set-law-status (audited, undoable, followers told) and a moratorium that ends."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Attachment, Role
from notifications.delivery import deliver_due
from storage import audit
from storage.db import Database
from storage.facts import write as fw
from storage.sql import Conn
from tests.commands.admin.conftest import FakeMessenger, table_state
from tests.commands.admin.test_edits import fails, run
from tests.conftest import identity

ALICE = identity(Role.MEMBER, user_id="alice")
MILWAUKEE_BAN = '/facts add-law "Milwaukee County, WI" ban 2021-01-05 in-force https://ex.org/m'


async def test_a_repeal_is_audited_shown_told_and_undone(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger, db: Database
) -> None:
    await run(disp, "/follow Greenfield, WI", ALICE)
    await run(disp, MILWAUKEE_BAN)  # C1, L1
    await deliver_due(fdeps)
    before = await table_state(db)
    text = await run(
        disp,
        "/facts set-law-status L1 repealed 2023-03-01 https://ex.org/repeal Repealed by the board",
    )
    assert "Change C2 recorded" in text and "Updated L1" in text and "1 follower" in text
    row = await db.fetchone("SELECT status, status_changed, status_note FROM laws")
    assert row is not None
    assert tuple(row) == ("repealed", "2023-03-01", "Repealed by the board")
    change = await audit.get_change(db, 2)
    assert change is not None and change.command == "facts set-law-status"
    assert change.before is not None and change.before["status"] == "in-force"
    assert change.after is not None and change.after["status"] == "repealed"
    assert change.source_url == "https://ex.org/repeal" and change.fact_id == "L1"
    laws = (await disp.run_text(ALICE, "/laws Greenfield, WI")).as_text()
    assert "repealed" in laws and "Repealed by the board" in laws
    assert (await deliver_due(fdeps)).delivered == 1
    told = messenger.sent[-1][2]
    assert "is repealed since 2023-03-01 (was in-force)" in told and "ex.org/repeal" in told
    await run(disp, "/facts undo C2")
    assert await table_state(db) == before


async def test_the_law_can_be_named_by_its_jurisdiction(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await run(disp, MILWAUKEE_BAN)
    await run(
        disp, '/facts set-law-status "Milwaukee County, WI" expired 2024-01-05 https://ex.org/x'
    )
    row = await db.fetchone("SELECT status FROM laws WHERE id = 1")
    assert row is not None and row["status"] == "expired"
    await run(
        disp, '/facts add-law "Milwaukee County, WI" oversight 2022-01-05 in-force https://e.org/o'
    )
    listed = await fails(
        disp, '/facts set-law-status "Milwaukee County, WI" repealed 2024-02-01 https://e.org/r'
    )
    assert "2 laws on record" in listed and "L1: ban of 2021-01-05" in listed and "L2:" in listed


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("L9 repealed 2023-03-01 https://ex.org/r", "no law L9"),
        ("D1 repealed 2023-03-01 https://ex.org/r", "not a law"),
        ("Atlantis repealed 2023-03-01 https://ex.org/r", "No law is on record"),
        ("L1 repealed 2020-03-01 https://ex.org/r", "cannot change before"),
        ("L1 repealed 2027-03-01 https://ex.org/r", "future"),
        ("L1 repealed 2023-02-30 https://ex.org/r", "not a real calendar date"),
        ("L1 abolished 2023-03-01 https://ex.org/r", "must be one of"),
        ("L1 repealed 2023-03-01 ftp://ex.org/r", "http"),
        ("L1 repealed 2023-03-01 https://ex.org/r " + "n" * 250, "too long"),
    ],
)
async def test_bad_input_changes_nothing(
    disp: Dispatcher, fdeps: Deps, line: str, message: str, db: Database
) -> None:
    await run(disp, MILWAUKEE_BAN)
    before = await table_state(db)
    assert message in await fails(disp, f"/facts set-law-status {line}")
    assert await table_state(db) == before


async def test_the_same_status_twice_and_a_member_are_refused(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await run(disp, MILWAUKEE_BAN)
    await run(disp, "/facts set-law-status L1 reversed 2023-03-01 https://ex.org/r")
    assert "already says" in await fails(
        disp, "/facts set-law-status L1 reversed 2023-03-01 https://ex.org/r"
    )
    before = await table_state(db)
    refused = await fails(
        disp, "/facts set-law-status L1 in-force 2024-03-01 https://e.org/r", ALICE
    )
    assert "only the operator's facts admins" in refused
    assert await table_state(db) == before
    [refusal] = await audit.refusals_by(db, "test", "alice")
    assert refusal.command == "facts set-law-status"


async def test_a_moratorium_ended_event_changes_the_current_status(
    disp: Dispatcher, fdeps: Deps
) -> None:
    await run(
        disp,
        '/facts add-event Amazon 2020-06-10 moratorium "One-year moratorium"'
        ' https://ex.org/m status:"Moratorium on police use of Rekognition"',
    )
    shown = (await disp.run_text(ALICE, "/moratorium amazon")).text
    assert "Current status: Moratorium on police use of Rekognition (since" in shown
    await run(
        disp, '/facts add-event Amazon 2024-02-01 moratorium-ended "It lapsed" https://ex.org/end'
    )
    shown = (await disp.run_text(ALICE, "/moratorium amazon")).text
    assert "Current status: Moratorium ended (since" in shown and "2024" in shown
    overview = (await disp.run_text(ALICE, "/moratorium")).as_text()
    assert "Amazon: Moratorium ended" in overview
    await run(disp, "/facts undo C2")
    shown = (await disp.run_text(ALICE, "/moratorium amazon")).text
    assert "Current status: Moratorium on police use of Rekognition" in shown


async def test_an_imported_moratorium_ended_event_changes_the_status_too(
    disp: Dispatcher, fdeps: Deps
) -> None:
    csv = (
        "fact,subject,state,city,date,kind,status,summary,source_url\n"
        "event,Amazon,,,2020-06-10,moratorium,Moratorium on police use,One year,https://e.org/a\n"
        "event,Amazon,,,2024-02-01,moratorium-ended,,It lapsed,https://e.org/b\n"
    )
    reply = await disp.run_text(
        identity(Role.ADMIN, user_id="A1"), "/facts import", (Attachment("f.csv", csv.encode()),)
    )
    assert not reply.error, reply.text
    shown = (await disp.run_text(ALICE, "/moratorium amazon")).text
    assert "Current status: Moratorium ended (since" in shown


async def test_admin_laws_share_the_key_of_seeded_laws(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    async def seeded(conn: Conn) -> None:
        source = await fw.upsert_source(conn, "https://ex.org/seed", "Seed", "2020-01-02")
        await fw.upsert_law(
            conn, jurisdiction="Milwaukee County, WI", state="WI", level="county", kind="ban",
            scope="Seeded ban", enacted="2020-01-02", status="in-force", source_id=source,
            as_of="2020-01-02", natural_key="seed:milwaukee", county="Milwaukee County",
        )  # fmt: skip

    await db.write(seeded)
    await run(disp, MILWAUKEE_BAN)
    # One jurisdiction, one key: the seeded law and the admin's are found together.
    listed = await fails(
        disp, '/facts set-law-status "Milwaukee County, WI" repealed 2024-02-01 https://e.org/r'
    )
    assert "2 laws on record" in listed
    keys = await db.fetchall("SELECT DISTINCT jurisdiction_key FROM laws")
    assert [k[0] for k in keys] == ["milwaukee county, wi"]

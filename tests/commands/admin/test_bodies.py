"""/facts set-body and /facts add-official through the dispatcher, on both backends:
audited, undone exactly, told to followers, refused without the role or on bad input, and
used by letters (addressee, salutation) and /contact."""

from __future__ import annotations

import re

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from notifications.delivery import deliver_due
from storage import audit
from storage.db import Database
from tests.commands.admin.conftest import FakeMessenger, count, table_state
from tests.commands.test_privacy import traces
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
ORGANIZER = identity(Role.ORGANIZER, user_id="O1")
ALICE = identity(Role.MEMBER, user_id="alice")
URL = "https://example.org/greenfield-council"
SET_BODY = (
    '/facts set-body "Greenfield, WI" "Common Council of the City of Greenfield"'
    f" source:{URL} as-of:2026-11-20"
)
ADD_PEREZ = (
    f'/facts add-official "Greenfield, WI" "Ana Pérez" "Council Member" source:{URL}'
    " as-of:2026-11-20"
)
DRAFT = "/letter draft ring-council Greenfield, WI"


def change_of(text: str) -> str:
    found = re.search(r"Change (C\d+) recorded", text)
    assert found is not None, text
    return found[1]


async def run(disp: Dispatcher, line: str, who: object = ADMIN) -> str:
    reply = await disp.run_text(who, line)  # type: ignore[arg-type]
    assert not reply.error, reply.text
    return reply.as_text()


async def fails(disp: Dispatcher, line: str, who: object = ADMIN) -> str:
    reply = await disp.run_text(who, line)  # type: ignore[arg-type]
    assert reply.error, reply.text
    assert "\n" not in reply.text
    return reply.text


async def bodies_state(db: Database) -> dict[str, list[object]]:
    state = await table_state(db)
    for table in ("governing_bodies", "officials"):
        rows = await db.fetchall(f"SELECT * FROM {table} ORDER BY 1")
        state[table] = [tuple(r) for r in rows]
    return state


async def test_set_body_addresses_the_letter_and_is_undone_exactly(
    disp: Dispatcher, db: Database
) -> None:
    before = await run(disp, DRAFT, ALICE)
    assert "To: the governing body of Greenfield, WI" in before
    start = await bodies_state(db)
    text = await run(disp, SET_BODY)
    assert "Change C1 recorded" in text and "Added B1" in text and URL in text
    change = await audit.get_change(db, 1)
    assert change is not None and change.fact_id == "B1" and change.source_url == URL
    assert change.command == "facts set-body" and change.author.user_id == "A1"
    assert change.after is not None and change.after["as_of"] == "2026-11-20"
    letter = await run(disp, DRAFT, ALICE)
    assert "To: the Common Council of the City of Greenfield" in letter
    assert "Dear Members of the Common Council of the City of Greenfield," in letter
    assert f"rests on: {URL} (as of 2026-11-20, B1)" in letter
    assert "governing body of Greenfield" not in letter
    await run(disp, "/facts undo C1")
    assert await bodies_state(db) == start
    assert "To: the governing body of Greenfield, WI" in await run(disp, DRAFT, ALICE)


async def test_correcting_the_body_updates_it_and_the_same_again_is_refused(
    disp: Dispatcher, db: Database
) -> None:
    await run(disp, SET_BODY)
    again = await fails(disp, SET_BODY)
    assert "B1 already records this" in again
    other = SET_BODY.replace("Common Council of the City", "City Council").replace(
        "2026-11-20", "2026-11-21"
    )
    text = await run(disp, other)
    assert "Updated B1" in text and "was Common Council of the City of Greenfield" in text
    assert await count(db, "SELECT COUNT(*) FROM governing_bodies") == 1
    assert "Dear Members of the City Council of Greenfield," in await run(disp, DRAFT, ALICE)
    await run(disp, f"/facts undo {change_of(text)}")
    assert "the Common Council of the City of Greenfield" in await run(disp, DRAFT, ALICE)


async def test_officials_on_record_are_greeted_by_title_and_name(
    disp: Dispatcher, db: Database
) -> None:
    await run(disp, SET_BODY)
    text = await run(disp, ADD_PEREZ)
    assert "Added O1" in text and "Council Member Ana Pérez" in text
    letter = await run(disp, DRAFT, ALICE)
    assert "Dear Council Member Ana Pérez," in letter
    assert f"The officials named rest on: {URL} (as of 2026-11-20, O1)" in letter
    spanish = await run(disp, DRAFT + " language:es", ALICE)
    assert "Estimado/a Council Member Ana Pérez:" in spanish
    assert "Le escribo" in spanish and "Les escribo" not in spanish  # one person: singular
    await run(
        disp,
        f'/facts add-official "Greenfield, WI" "Jane Doe" Mayor source:{URL} as-of:2026-11-20',
    )
    both = await run(disp, DRAFT, ALICE)
    assert "Dear Council Member Ana Pérez and Mayor Jane Doe," in both
    retitled = ADD_PEREZ.replace('"Council Member"', '"Council President"')
    assert "Updated O1" in await run(disp, retitled)
    assert await count(db, "SELECT COUNT(*) FROM officials") == 2
    assert "Dear Council President Ana Pérez and Mayor Jane Doe," in await run(disp, DRAFT, ALICE)


async def test_an_official_without_a_stored_body_keeps_the_honest_body(disp: Dispatcher) -> None:
    await run(disp, ADD_PEREZ)
    letter = await run(disp, DRAFT, ALICE)
    assert "To: the governing body of Greenfield, WI" in letter
    assert "Dear Council Member Ana Pérez," in letter


async def test_followers_of_the_place_are_told(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    await run(disp, "/follow Greenfield, WI", ALICE)
    await run(disp, "/follow Milwaukee, WI", identity(Role.MEMBER, user_id="carol"))
    assert "1 follower will be told once" in await run(disp, SET_BODY)
    assert "1 follower will be told once" in await run(disp, ADD_PEREZ)
    report = await deliver_due(fdeps)
    assert report.delivered == 2
    assert [user for _, user, _ in messenger.sent] == ["alice", "alice"]
    assert "governed by Common Council of the City of Greenfield" in messenger.sent[0][2]
    assert "Council Member Ana Pérez" in messenger.sent[1][2] and URL in messenger.sent[1][2]


async def test_body_recorded_for_the_agency_is_followed_through_its_city(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    await run(disp, "/follow Greenfield, WI", ALICE)
    line = (
        '/facts set-body "Greenfield Police Department, WI" "Greenfield Police and Fire'
        f' Commission" source:{URL} as-of:2026-11-20'
    )
    await run(disp, line)
    assert (await deliver_due(fdeps)).delivered == 1
    letter = await run(disp, DRAFT, ALICE)
    assert "To: the Greenfield Police and Fire Commission" in letter


async def test_contact_shows_body_and_officials_with_sources(disp: Dispatcher) -> None:
    await run(disp, SET_BODY)
    await run(disp, ADD_PEREZ)
    reply = await disp.run_text(ALICE, "/contact Greenfield, WI")
    assert not reply.error and reply.private
    (field,) = [f for f in reply.fields if f.name.startswith("Greenfield Police Department")]
    assert "Governed by: the Common Council of the City of Greenfield." in field.value
    assert f"{URL} (as of 2026-11-20, B1)" in field.value
    assert f"Officials on record: Council Member Ana Pérez: {URL} (as of 2026-11-20, O1)." in (
        field.value
    )


async def test_only_facts_admins_and_bad_input_changes_nothing(
    disp: Dispatcher, db: Database
) -> None:
    start = await bodies_state(db)
    refused = await disp.run_text(ORGANIZER, SET_BODY)  # type: ignore[arg-type]
    assert refused.error and "facts admins" in refused.text.lower()
    assert "in the future" in await fails(disp, SET_BODY.replace("2026-11-20", "2099-01-01"))
    assert "URL" in await fails(disp, SET_BODY.replace(URL, "ftp://example.org/x"))
    assert "Greenfield, WI" in await fails(
        disp, SET_BODY.replace("Greenfield, WI", "Greenfeld, WI")
    )
    hidden = ADD_PEREZ.replace("Ana Pérez", "Ana\u200bPérez")
    assert "invisible" in await fails(disp, hidden)
    assert await bodies_state(db) == start
    assert await count(db, "SELECT COUNT(*) FROM changes") == 0


async def test_forgetme_erases_the_admin_from_bodies_and_officials(
    disp: Dispatcher, db: Database
) -> None:
    zelda = identity(Role.ADMIN, user_id="U-zelda-77")
    await run(disp, SET_BODY, zelda)
    await run(disp, ADD_PEREZ, zelda)
    for table in ("governing_bodies", "officials"):
        row = await db.fetchone(f"SELECT origin FROM {table}")
        assert row is not None and row["origin"] == "admin:test:U-zelda-77"
    member = identity(Role.MEMBER, user_id="U-zelda-77")
    preview = await run(disp, "/forgetme", member)
    assert "2 facts name you as the admin who entered them" in preview, preview
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview)[0]
    await run(disp, f"/forgetme {code}", member)
    assert await traces(db, "U-zelda-77", "user U-zelda-77") == []
    await run(disp, "/facts undo C2")  # the rewritten snapshots still match the rows
    assert await count(db, "SELECT COUNT(*) FROM officials") == 0


async def test_an_official_who_left_is_removed_by_id_and_shown_in_history(
    disp: Dispatcher, db: Database
) -> None:
    await run(disp, ADD_PEREZ)
    removed = await run(disp, "/facts remove O1 https://example.org/left-office")
    assert "Removed O1" in removed and "Council Member Ana Pérez" in removed
    letter = await run(disp, DRAFT, ALICE)
    assert "Ana Pérez" not in letter and "Dear Members of the governing body" in letter
    history = await run(disp, "/facts history O1")
    assert "facts remove" in history and "facts add-official" in history
    assert "Ana Pérez" in await run(disp, "/facts history Greenfield, WI")
    await run(disp, f"/facts undo {change_of(removed)}")
    assert "Dear Council Member Ana Pérez," in await run(disp, DRAFT, ALICE)

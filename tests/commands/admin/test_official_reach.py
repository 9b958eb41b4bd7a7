"""/facts add-official with an official's public email and phone, through the dispatcher on
both backends: validated (bad input changes nothing), shown by /contact with the source and
as-of date, in /facts history, and undone exactly back to the previous contact values."""

from __future__ import annotations

from bot.core.dispatch import Dispatcher
from storage.db import Database
from tests.commands.admin.conftest import count
from tests.commands.admin.test_bodies import ADD_PEREZ, ADMIN, ALICE, URL, bodies_state, fails, run

REACH = ' email:aperez@example.org phone:"+1 (414) 555-0100"'


async def _official_field(disp: Dispatcher) -> str:
    reply = await disp.run_text(ALICE, "/contact Greenfield, WI")
    assert not reply.error, reply.text
    (field,) = [f for f in reply.fields if f.name.startswith("Greenfield Police Department")]
    return field.value


async def test_contact_shows_the_officials_email_and_phone_with_its_source(
    disp: Dispatcher, db: Database
) -> None:
    text = await run(disp, ADD_PEREZ + REACH)
    assert "Added O1" in text
    row = await db.fetchone("SELECT email, phone FROM officials")
    assert row is not None and (row["email"], row["phone"]) == (
        "aperez@example.org",
        "+1 (414) 555-0100",
    )
    assert (
        "Officials on record: Council Member Ana Pérez (aperez@example.org, +1 (414) 555-0100):"
        f" {URL} (as of 2026-11-20, O1)."
    ) in await _official_field(disp)
    assert "aperez@example.org" in await run(disp, "/facts history O1")


async def test_a_correction_is_undone_back_to_the_previous_contact(
    disp: Dispatcher, db: Database
) -> None:
    await run(disp, ADD_PEREZ + REACH)
    before = await bodies_state(db)
    corrected = await run(disp, ADD_PEREZ + " email:ana.perez@example.org phone:414.555.0199")
    assert "ana.perez@example.org" in await _official_field(disp)
    change = corrected.split("Change ")[1].split(" ")[0]
    await run(disp, f"/facts undo {change}")
    after = await bodies_state(db)
    assert after["officials"] == before["officials"]
    assert "(aperez@example.org, +1 (414) 555-0100)" in await _official_field(disp)
    same = await disp.run_text(ADMIN, ADD_PEREZ + REACH)
    assert same.error and "nothing changed" in same.text


async def test_an_official_without_contact_shows_none_and_bad_contacts_change_nothing(
    disp: Dispatcher, db: Database
) -> None:
    await run(disp, ADD_PEREZ)
    assert "Council Member Ana Pérez: " in await _official_field(disp)
    start = await bodies_state(db)
    changes = await count(db, "SELECT COUNT(*) FROM changes")
    assert "not an email" in await fails(disp, ADD_PEREZ + " email:ana-at-example.org")
    assert "not an email" in await fails(disp, ADD_PEREZ + " email:ana@example")
    assert "invisible" in await fails(disp, ADD_PEREZ + " email:ana\u200b@example.org")
    assert "digits" in await fails(disp, ADD_PEREZ + " phone:call-me-maybe")
    assert "digits" in await fails(disp, ADD_PEREZ + ' phone:"414 555 0100 ext. <b>"')
    assert "at most 30" in await fails(disp, ADD_PEREZ + " phone:" + "1" * 31)
    assert await bodies_state(db) == start
    assert await count(db, "SELECT COUNT(*) FROM changes") == changes

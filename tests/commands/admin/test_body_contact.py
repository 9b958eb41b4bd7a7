"""/facts set-body with the body's public contact (web, email, phone, a public meeting),
through the dispatcher on both backends: shown by /contact with its source and as-of date
(a meeting before the injected today as past, never as next), listed in a letter's note as
where to send it, in English and Spanish, in /facts history, and undone exactly."""

from __future__ import annotations

from bot.core.dispatch import Dispatcher
from storage.db import Database
from tests.commands.admin.conftest import count
from tests.commands.admin.test_bodies import (
    ADD_PEREZ,
    ALICE,
    DRAFT,
    SET_BODY,
    URL,
    bodies_state,
    change_of,
    fails,
    run,
)

WEB = "https://example.org/greenfield-contact"
CONTACT = f" web:{WEB} email:clerk@example.org phone:414-555-0100"
NEXT = ' meeting:2026-12-14 meeting-place:"7 pm, City Hall"'  # the tests' today: 2026-11-26


async def _field(disp: Dispatcher) -> str:
    reply = await disp.run_text(ALICE, "/contact Greenfield, WI")
    assert not reply.error, reply.text
    (field,) = [f for f in reply.fields if f.name.startswith("Greenfield Police Department")]
    return field.value


async def test_contact_shows_the_bodys_contact_and_next_meeting_with_its_source(
    disp: Dispatcher,
) -> None:
    await run(disp, SET_BODY + CONTACT + NEXT)
    shown = await _field(disp)
    assert f"Public contact on record: {WEB}, clerk@example.org, 414-555-0100." in shown
    assert "Next public meeting on record: 2026-12-14, 7 pm, City Hall." in shown
    assert "(source as above: as of 2026-11-20, B1)" in shown
    assert f"Source: {URL} (as of 2026-11-20, B1)" in shown
    assert "clerk@example.org" in await run(disp, "/facts history B1")


async def test_a_meeting_before_today_is_shown_as_past_never_as_next(disp: Dispatcher) -> None:
    await run(disp, SET_BODY + " meeting:2026-11-02")
    shown = await _field(disp)
    assert "Last recorded public meeting: 2026-11-02 (past)." in shown
    assert "Next public meeting" not in shown and "Public contact on record" not in shown


async def test_a_letter_says_where_to_send_it_in_english_and_spanish(disp: Dispatcher) -> None:
    await run(disp, SET_BODY + CONTACT)
    await run(disp, ADD_PEREZ + " email:aperez@example.org")
    letter = await run(disp, DRAFT, ALICE)
    assert (
        f"Where to send it (public contacts on record): {WEB}, clerk@example.org, 414-555-0100;"
        " Council Member Ana Pérez (aperez@example.org)."
    ) in letter
    spanish = await run(disp, DRAFT + " language:es", ALICE)
    assert "Dónde enviarla (contactos públicos registrados):" in spanish
    assert "Council Member Ana Pérez (aperez@example.org)" in spanish


async def test_undo_restores_the_previous_contact(disp: Dispatcher, db: Database) -> None:
    await run(disp, SET_BODY + CONTACT + NEXT)
    before = await bodies_state(db)
    corrected = await run(disp, SET_BODY + " email:council@example.org")
    shown = await _field(disp)
    assert "Public contact on record: council@example.org." in shown
    assert "Next public meeting" not in shown
    await run(disp, f"/facts undo {change_of(corrected)}")
    assert await bodies_state(db) == before
    assert "Next public meeting on record: 2026-12-14" in await _field(disp)


async def test_bad_contacts_change_nothing(disp: Dispatcher, db: Database) -> None:
    start = await bodies_state(db)
    assert "not an email" in await fails(disp, SET_BODY + " email:clerk")
    assert "digits" in await fails(disp, SET_BODY + " phone:call-the-clerk")
    assert "URL" in await fails(disp, SET_BODY + " web:example.org/contact")
    assert "meeting:YYYY-MM-DD" in await fails(disp, SET_BODY + ' meeting-place:"City Hall"')
    assert await fails(disp, SET_BODY + " meeting:next-week")
    assert "invisible" in await fails(
        disp, SET_BODY + ' meeting:2026-12-14 meeting-place:"City\u200bHall"'
    )
    assert await bodies_state(db) == start
    assert await count(db, "SELECT COUNT(*) FROM changes") == 0

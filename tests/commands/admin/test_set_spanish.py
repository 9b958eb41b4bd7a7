"""/facts set-spanish and the Spanish options of add-event and add-law (migration 0021):
audited, undoable exactly, facts admins only, bad input changes nothing; a Spanish reply reads
what was written, an English one is as before."""

from __future__ import annotations

from dataclasses import replace

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from storage import audit
from storage.db import Database
from tests.commands.admin.conftest import table_state
from tests.commands.admin.test_edits import fails, run
from tests.conftest import identity

READER = replace(identity(), locale="es-419")
EVENT = (
    '/facts add-event Amazon 2021-05-18 extension "Moratorium extended until further notice"'
    ' https://ex.org/reuters status:"Moratorium extended until further notice"'
)


async def test_set_spanish_is_audited_read_and_undone(disp: Dispatcher, db: Database) -> None:
    await run(disp, EVENT)  # C1, E1: no Spanish yet
    before = await table_state(db)
    unsaid = (await disp.run_text(READER, "/moratorium amazon")).as_text()
    assert "Una prórroga de una moratoria; los detalles están en su fuente." in unsaid, unsaid
    text = await run(
        disp,
        '/facts set-spanish E1 text_es:"Amazon prorrogó la moratoria hasta nuevo aviso."'
        ' status_es:"moratoria prorrogada hasta nuevo aviso"',
    )
    assert "Change C2 recorded" in text and "Updated E1" in text
    # The stored summary is said, never shown as storage keeps it.
    assert (
        "Updated E1: Spanish text: Amazon prorrogó la moratoria hasta nuevo aviso /"
        " moratoria prorrogada hasta nuevo aviso." in text
    ), text
    assert "\x1f" not in text and '"m":' not in text
    assert "followers are not told" in text and "Undo: /facts undo C2" in text
    row = await db.fetchone("SELECT summary, summary_es, status_es FROM company_events")
    assert row is not None and tuple(row) == (
        "Moratorium extended until further notice",
        "Amazon prorrogó la moratoria hasta nuevo aviso",  # no final stop: replies add it
        "moratoria prorrogada hasta nuevo aviso",
    )
    change = await audit.get_change(db, 2)
    assert change is not None and change.command == "facts set-spanish"
    assert change.fact_id == "E1" and change.before and change.before["summary_es"] == ""
    said = (await disp.run_text(READER, "/moratorium amazon")).as_text()
    assert "Situación actual: Moratoria prorrogada hasta nuevo aviso (desde: 18 de mayo" in said
    assert "Amazon prorrogó la moratoria hasta nuevo aviso. Fuente: " in said
    english = (await disp.run_text(identity(), "/moratorium amazon")).as_text()
    assert "Current status: Moratorium extended until further notice (since" in english
    assert "prorrog" not in english
    await run(disp, "/facts undo C2")
    assert await table_state(db) == before


async def test_a_laws_scope_and_note_in_spanish(disp: Dispatcher, db: Database) -> None:
    await run(
        disp,
        '/facts add-law "Milwaukee County, WI" ban 2021-01-05 in-force https://ex.org/m'
        ' scope:"County agencies may not use face recognition."'
        ' scope_es:"las dependencias del condado no pueden usar reconocimiento facial"',
    )
    laws = (await disp.run_text(READER, "/laws WI")).fields[0].value
    assert laws.startswith(
        "Prohibición: las dependencias del condado no pueden usar reconocimiento facial."
        " Promulgada el 5 de enero de 2021; estado: vigente."
    ), laws
    # A note needs its English first; then it can be said in Spanish.
    assert "no status note in English" in await fails(
        disp, '/facts set-spanish L1 text_es:"x" status_es:"votación 9 a 0"'
    )
    await run(disp, "/facts set-law-status L1 in-force 2021-01-05 https://ex.org/m Council 9-0")
    await run(disp, '/facts set-spanish L1 text_es:"las dependencias del condado no pueden usar'
                    ' reconocimiento facial" status_es:"votación del concejo 9 a 0"')  # fmt: skip
    laws = (await disp.run_text(READER, "/laws WI")).fields[0].value
    assert "estado: vigente desde" not in laws and "(votación del concejo 9 a 0)" in laws, laws


async def test_bad_input_and_other_roles_change_nothing(disp: Dispatcher, db: Database) -> None:
    await run(disp, EVENT)
    before = await table_state(db)
    assert "not a fact id" in await fails(disp, '/facts set-spanish X1 text_es:"hola"')
    assert "give an event (E45) or a law (L7)" in await fails(
        disp, '/facts set-spanish D1 text_es:"hola"'
    )
    assert "There is no fact E9" in await fails(disp, '/facts set-spanish E9 text_es:"hola"')
    assert "Give the Spanish text" in await fails(disp, '/facts set-spanish E1 text_es:"."')
    assert "give status: too" in await fails(
        disp, EVENT.replace("status:", "status_es:").replace("2021-05-18", "2021-05-19")
    )
    member = await disp.run_text(identity(), '/facts set-spanish E1 text_es:"hola"')
    assert member.error
    plain_admin = identity(Role.ADMIN, user_id="B2", facts_admin=False)
    assert (await disp.run_text(plain_admin, '/facts set-spanish E1 text_es:"hola"')).error
    assert await table_state(db) == before
    await run(disp, '/facts set-spanish E1 text_es:"hola"')
    assert "already says this in Spanish" in await fails(
        disp, '/facts set-spanish E1 text_es:"hola"'
    )

"""The audit log's summaries in the reader's language: kept as structure, said at reply
time (lexicon/stored.py); a row written before, as plain English, reads as it was."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from storage.db import Database
from storage.sql import Conn
from testkit.english import english_sentences
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
ADMIN_ES = replace(ADMIN, locale="es-419")
GREENFIELD = '"Greenfield Police Department, WI"'


async def run(disp: Dispatcher, who: Identity, line: str) -> str:
    reply = await disp.run_text(who, line)
    assert not reply.error, reply.text
    return reply.as_text()


def summaries(history: str) -> list[str]:
    """Each entry's summary: the line under its heading."""
    lines = history.splitlines()
    return [lines[i + 1].strip() for i, line in enumerate(lines) if re.match(r"C\d+ · ", line)]


async def make_changes(disp: Dispatcher) -> None:
    await run(disp, ADMIN, f"/facts end-partnership {GREENFIELD} 2024-01-31 https://ex.org/a")
    await run(disp, ADMIN, '/facts add-law "Madison, WI" ban 2020-12 in-force https://ex.org/b')
    await run(disp, ADMIN, "/facts set-law-status L1 repealed 2021-03 https://ex.org/c")
    removed = await run(disp, ADMIN, "/facts remove L1 https://ex.org/d")
    change = re.search(r"/facts undo (C\d+)", removed)
    assert change
    await run(disp, ADMIN, f"/facts undo {change[1]}")


async def test_history_and_replies_in_spanish(disp: Dispatcher, fdeps: Deps) -> None:
    told = await run(
        disp, ADMIN_ES, f"/facts end-partnership {GREENFIELD} 2024-01-31 https://ex.org/a"
    )
    assert (
        "Greenfield Police Department (WI) puso fin a su acuerdo con Ring"
        " (fecha: 31 de enero de 2024)."
    ) in told
    await run(disp, ADMIN, "/facts undo C1")
    await make_changes(disp)
    history = await run(disp, ADMIN_ES, "/facts history")
    said = summaries(history)
    assert said[0] == (
        "se deshizo C6 (se borró L1 (Madison, WI: prohibición (diciembre de 2020), derogada))"
    )
    assert "Madison, WI: prohibición (diciembre de 2020): derogada desde: marzo de 2021" in (
        " | ".join(said)
    )
    assert not [s for s in said if english_sentences(s)], said
    # The detail under each summary: the columns and coded values in Spanish too.
    assert "tipo prohibición; nivel ciudad" in history, history
    assert "qué fecha es promulgada" in history
    assert "estado vigente → derogada" in history


async def test_history_in_english_as_always(disp: Dispatcher, fdeps: Deps) -> None:
    await make_changes(disp)
    said = summaries(await run(disp, ADMIN, "/facts history"))
    assert said == [
        "undid C4 (removed L1 (Madison, WI: ban of 2020-12, repealed))",
        "removed L1 (Madison, WI: ban of 2020-12, repealed)",
        "Madison, WI: ban of 2020-12 is repealed since 2021-03 (was in-force)",
        "Madison, WI: ban of 2020-12, in-force",
        "Greenfield Police Department (WI) ended its Ring partnership on 2024-01-31",
    ]


async def test_a_row_written_before_reads_as_it_was(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await run(disp, ADMIN, f"/facts end-partnership {GREENFIELD} 2024-01-31 https://ex.org/a")
    old = "Greenfield Police Department (WI) ended its Ring partnership on 2024-01-31"

    async def as_before(conn: Conn) -> None:
        await conn.execute("UPDATE changes SET summary = ? WHERE id = 1", (old,))

    await db.write(as_before)
    assert summaries(await run(disp, ADMIN_ES, "/facts history")) == [old]


async def test_refusals_written_in_a_write_job_in_each_language(
    disp: Dispatcher, fdeps: Deps
) -> None:
    # Raised inside the writer's job (another task: no request locale there), kept as
    # structure and said by the dispatcher in the asker's language.
    end = f"/facts end-partnership {GREENFIELD} 2017-01-01 https://ex.org/x"
    said = await disp.run_text(ADMIN_ES, end)
    assert said.error and "no puede terminar antes de esa fecha." in said.text, said.text
    told = await disp.run_text(ADMIN, end)
    assert told.error and "it cannot end before that." in told.text
    missing = await disp.run_text(ADMIN_ES, "/facts undo C99")
    assert missing.text == "No existe el cambio C99."
    assert (await disp.run_text(ADMIN, "/facts undo C99")).text == "There is no change C99."

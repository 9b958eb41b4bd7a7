"""/mydata's inner lines (written by each storage domain) in the asker's language: the
follow, the audit log's changes with their summaries, the count of facts entered."""

from __future__ import annotations

from dataclasses import replace

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from testkit.english import english_sentences
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
ADMIN_ES = replace(ADMIN, locale="es-419")
GREENFIELD = '"Greenfield Police Department, WI"'


async def run(disp: Dispatcher, who: Identity, line: str) -> str:
    reply = await disp.run_text(who, line)
    assert not reply.error, reply.text
    return reply.as_text()


async def test_mydata_lines_in_spanish(disp: Dispatcher, fdeps: Deps) -> None:
    await run(disp, ADMIN_ES, "/follow Greenfield, WI")
    await run(disp, ADMIN_ES, f"/facts end-partnership {GREENFIELD} 2024-01-31 https://ex.org/a")
    await run(disp, ADMIN_ES, '/facts add-law "Madison, WI" ban 2020-12 in-force https://ex.org/b')
    reply = await disp.run_text(ADMIN_ES, "/mydata")
    lines = [line for f in reply.fields for line in f.value.splitlines()]
    assert 'Usted sigue Greenfield, WI (desde: 26 de noviembre de 2026, como "user A1")' in lines
    assert (
        "C2 · 26 de noviembre de 2026, 12:00 UTC: /facts add-law: Madison, WI: prohibición"
        ' (diciembre de 2020), vigente; registrado como "user A1" en el espacio de trabajo W1'
    ) in lines
    assert "1 dato lo nombra a usted como el administrador que lo registró (admin:test:A1)" in lines
    assert not [line for line in lines if english_sentences(line)], lines


async def test_mydata_lines_in_english_as_always(disp: Dispatcher, fdeps: Deps) -> None:
    await run(disp, ADMIN, "/follow Greenfield, WI")
    await run(disp, ADMIN, '/facts add-law "Madison, WI" ban 2020-12 in-force https://ex.org/b')
    reply = await disp.run_text(ADMIN, "/mydata")
    lines = [line for f in reply.fields for line in f.value.splitlines()]
    assert 'You follow Greenfield, WI (since 2026-11-26, as "user A1")' in lines
    assert (
        "C1 · 2026-11-26 12:00 UTC: /facts add-law: Madison, WI: ban of 2020-12, in-force;"
        ' recorded as "user A1" in workspace W1'
    ) in lines
    assert "1 fact names you as the admin who entered them (admin:test:A1)" in lines

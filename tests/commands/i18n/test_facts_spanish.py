"""The facts' own text in a Spanish reply (migration 0021): the stored Spanish of every seed
event and law, the IFF table's rows and their "as reported" note from the catalog, and a fact
nobody wrote in Spanish said from its structure alone; never English pasted into Spanish."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from storage.db import Database
from testkit.english import english_sentences
from tests.commands.i18n.test_spanish_places import english_of_the_bot, stored
from tests.conftest import identity

pytestmark = pytest.mark.real_data("seed", "atlas", "laws")  # the `db` fixture loads them

LINES = (
    "/moratorium", "/moratorium amazon", "/moratorium ring", "/moratorium microsoft",
    "/ring lookup Greenfield, WI", "/local San Francisco, CA", "/local Berkeley, CA",
    "/laws CA", "/laws TX", "/laws IL", "/laws",
)  # fmt: skip


def spanish(who: Identity) -> Identity:
    return replace(who, locale="es-419")


async def test_fact_replies_say_the_facts_in_spanish(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    who = spanish(identity())
    texts = await stored(deps, db)  # sources, agency names, technologies: not this part's
    for line in LINES:
        reply = await dispatcher.run_text(who, line)
        assert not reply.error, (line, reply.text)
        assert not english_of_the_bot(reply, texts), (line, reply.as_text())
    amazon = await dispatcher.run_text(who, "/moratorium amazon")
    assert "Situación actual: Moratoria, en palabras de Amazon, sobre el uso" in amazon.text
    may = next(f.value for f in amazon.fields if f.name == "18 de mayo de 2021")
    assert may.startswith("Amazon dijo a Reuters que la moratoria seguiría vigente")
    greenfield = await dispatcher.run_text(who, "/ring lookup Greenfield, WI")
    assert "- 24 de enero de 2024: Terminaron las solicitudes de video de la policía" in (
        greenfield.as_text()
    )
    local = await dispatcher.run_text(who, "/local San Francisco, CA")
    assert "Para comparar: Ring dijo al Financial Times que 40 departamentos" in local.as_text()


async def test_the_iff_tables_rows_in_spanish(dispatcher: Dispatcher) -> None:
    laws = await dispatcher.run_text(spanish(identity()), "/laws CA")
    berkeley = next(f.value for f in laws.fields if f.name == "Berkeley, CA")
    # The table says only "Ban": the kind, the table's date, the status and whose word it is.
    assert berkeley.startswith(
        "Prohibición. Fecha de la acción según esa tabla: 16 de octubre de 2019; estado: vigente"
        " (según la tabla de la Internet Freedom Foundation de mayo de 2021, sin verificarse"
        " desde entonces). Fuente: "
    ), berkeley
    davis = next(f.value for f in laws.fields if f.name == "Davis, CA")
    assert davis.startswith("Norma de supervisión: ordenanza que exige a la policía demostrar")
    texas = (await dispatcher.run_text(spanish(identity()), "/laws TX")).fields[0].value
    assert "(corregido: la tabla la incluye entre las prohibiciones; es una norma de" in texas
    assert "La fecha y lo demás son según la tabla de la Internet Freedom Foundation" in texas
    # English as it always read.
    english = (await dispatcher.run_text(identity(), "/laws TX")).fields[0].value
    assert "consent rule. Its date and the rest are as reported by the Internet Freedom" in (
        english
    )


async def test_a_fact_with_no_spanish_is_said_from_its_structure(dispatcher: Dispatcher) -> None:
    admin = identity(Role.ADMIN, user_id="A1")
    event = await dispatcher.run_text(
        admin,
        "/facts add-event Amazon 2025-03-04 moratorium"
        ' "Amazon said the pause would end with the year" https://news.example/a'
        ' status:"Moratorium until the end of the year"',
    )
    assert not event.error, event.text
    law = await dispatcher.run_text(
        admin,
        '/facts add-law "Greenfield, WI" ban 2025-02-03 in-force https://news.example/m'
        ' scope:"City agencies may not use face recognition."',
    )
    assert not law.error, law.text
    who = spanish(identity())
    amazon = await dispatcher.run_text(who, "/moratorium amazon")
    added = next(f.value for f in amazon.fields if f.name == "4 de marzo de 2025")
    assert added.startswith("Una moratoria; los detalles están en su fuente. Fuente: "), added
    assert "Amazon said" not in amazon.as_text() and "Moratorium until" not in amazon.as_text()
    assert "Situación actual: Una moratoria; los detalles están en su fuente (desde: 4 de" in (
        amazon.text
    )
    laws = await dispatcher.run_text(who, "/laws Greenfield, WI")
    greenfield = next(f.value for f in laws.fields if f.name == "Greenfield, WI")
    assert greenfield.startswith(
        "Prohibición. Promulgada el 3 de febrero de 2025; estado: vigente."
    )
    assert "City agencies" not in greenfield
    for text in (amazon.as_text(), greenfield):
        assert not [s for s in english_sentences(text) if "news.example" not in s], text
    # In English the admin's words, as typed.
    english = await dispatcher.run_text(identity(), "/laws Greenfield, WI")
    assert next(f.value for f in english.fields if f.name == "Greenfield, WI").startswith(
        "Ban: City agencies may not use face recognition."
    )

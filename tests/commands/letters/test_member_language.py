"""A letter drafted without `language:` is written in the member's language (their /language
choice or their platform's) when the template has it; a template without it gives way to
English rather than to an error about a language the member never asked for. /letter
templates lists each template by its title in the member's language; /letter add and /letter
remove answer in it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from tests.commands.i18n.test_pseudo_slice import assert_all_from_catalog, words
from tests.conftest import identity

pytestmark = pytest.mark.real_data("seed", "letters")
GREENFIELD = "/letter draft ring-council Greenfield, WI"


async def test_a_spanish_member_gets_a_spanish_letter(dispatcher: Dispatcher) -> None:
    spanish = replace(identity(), locale="es-419")
    letter = await dispatcher.run_text(spanish, GREENFIELD)
    assert not letter.error and letter.title.endswith("(es)")
    assert "Asunto: Poner fin al acuerdo del Departamento de Policía de Greenfield" in letter.text
    assert letter.file is not None and letter.file.filename.endswith("-es.txt")
    asked = await dispatcher.run_text(spanish, f"{GREENFIELD} language:en")
    assert asked.title.endswith("(en)") and "Subject: End the Greenfield" in asked.text
    english = await dispatcher.run_text(identity(), GREENFIELD)
    assert english.title.endswith("(en)") and "Subject: End the Greenfield" in english.text


async def test_a_template_without_the_members_language_gives_way(dispatcher: Dispatcher) -> None:
    org = identity(Role.ORGANIZER, user_id="U-org")
    line = "/letter add thanks-council {{ addressee.dear }} thank you. {{ signer }}"
    assert not (await dispatcher.run_text(org, line)).error
    spanish = replace(org, locale="es-419")
    drafted = await dispatcher.run_text(spanish, "/letter draft thanks-council Greenfield, WI")
    assert not drafted.error and drafted.title.endswith("(en)"), drafted.text
    asked = await dispatcher.run_text(
        spanish, "/letter draft thanks-council Greenfield, WI language:es"
    )
    assert asked.error and "language:en" in asked.text


async def test_templates_are_listed_in_the_members_language(dispatcher: Dispatcher) -> None:
    spanish = await dispatcher.run_text(replace(identity(), locale="es-419"), "/letter templates")
    assert spanish.title == "Plantillas de cartas y peticiones"
    assert "ring-council (carta; en, es) - " in spanish.text
    assert 'Redacte una: /letter draft <template> <place> signer:"Su nombre"' in spanish.text
    english = await dispatcher.run_text(identity(), "/letter templates")
    assert english.title == "Letter and petition templates"
    assert "ring-council (letter; en, es) - End the Ring partnership: " in english.text


ADD = "/letter add thanks-council {{ addressee.dear }} thank you. {{ signer }}"


async def test_adding_and_removing_in_the_members_language(dispatcher: Dispatcher) -> None:
    org = replace(identity(Role.ORGANIZER, user_id="U-org"), locale="es-419")
    admin = replace(identity(Role.ADMIN, user_id="U-admin"), locale="es-419")
    added = await dispatcher.run_text(org, ADD)
    assert added.text == (
        "Se agregó la plantilla de carta thanks-council (en). Redáctela: /letter draft"
        " thanks-council <place> language:en"
    )
    refused = await dispatcher.run_text(replace(org, user_id="U-other"), ADD)
    assert refused.error and refused.text.startswith(
        "thanks-council (en) fue agregada por user U-org el 26 de noviembre de 2026;"
    )
    built_in = await dispatcher.run_text(admin, "/letter remove ring-council")
    assert built_in.text == "ring-council viene con el bot y no se puede eliminar."
    removed = await dispatcher.run_text(admin, "/letter remove thanks-council")
    assert removed.text == "Se eliminó la plantilla thanks-council (1 versión de idioma)."
    again = await dispatcher.run_text(admin, "/letter remove thanks-council")
    assert again.error and again.text.startswith("No se agregó ninguna plantilla llamada")


async def test_adding_and_removing_through_the_catalog(dispatcher: Dispatcher) -> None:
    org = replace(identity(Role.ORGANIZER, user_id="U-org"), locale="qps")
    admin = replace(identity(Role.ADMIN, user_id="U-admin"), locale="qps")
    data = words("thanks-council", "ring-council", "nosuch", "user", "U-org")
    for who, line in ((org, ADD), (replace(org, user_id="U-other"), ADD),
                      (admin, "/letter remove ring-council"), (admin, "/letter templates"),
                      (admin, "/letter remove thanks-council"), (admin, "/letter remove nosuch"),
                      (org, "/letter draft nosuch Greenfield, WI")):  # fmt: skip
        assert_all_from_catalog(await dispatcher.run_text(who, line), data)

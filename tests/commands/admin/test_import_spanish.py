"""/facts import's line-by-line problems in the asker's language (the parsers word them
under the request's locale); the same files answered in English as before."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Attachment, Role
from testkit.english import english_sentences
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
ADMIN_ES = replace(ADMIN, locale="es-419")
FACTS_HEADER = "fact,subject,state,city,date,kind,status,summary,source_url,create\n"


def _facts(line: str) -> bytes:
    return (FACTS_HEADER + line + "\n").encode()


FILES = [
    (
        _facts("law,Virginia,,,2021-02-31,ban,in-force,,https://ex.org/v,"),
        "line 2: 2021-02-31 is not a real calendar date",
        "línea 2: 2021-02-31 no es una fecha real del calendario",
    ),
    (
        _facts("law,Virginia,,,2031-02-01,ban,in-force,,https://ex.org/v,"),
        "line 2: 2031-02-01 is in the future",
        "línea 2: 2031-02-01 está en el futuro",
    ),
    (
        _facts("law,Virginia,,,2021-02-01,ban,in-force,,ftp://ex.org/v,"),
        "line 2: source_url must be an http:// or https:// URL, e.g. https://example.org/story",
        "línea 2: source_url debe ser una URL http:// o https://, p. ej. https://example.org/story",
    ),
    (
        _facts("event,Amazon,,,2021-05-18,party,,Extended,https://ex.org/a,"),
        "line 2: event kind must be one of",
        "línea 2: el kind de un evento debe ser uno de estos:",
    ),
    (
        b"fact,subject\n\xff\xfe caf\xe9\n",
        "the file is not UTF-8 text",
        "el archivo no es texto UTF-8",
    ),
    (FACTS_HEADER.encode(), "the file has a header but no rows", "el archivo tiene encabezado"),
]


@pytest.mark.parametrize(("content", "english", "spanish"), FILES)
async def test_import_problems_in_each_language(
    disp: Dispatcher, fdeps: Deps, content: bytes, english: str, spanish: str
) -> None:
    said = await disp.run_text(ADMIN_ES, "/facts import", (Attachment("f.csv", content),))
    assert said.error and spanish in said.text, said.text
    assert english not in said.text
    told = await disp.run_text(ADMIN, "/facts import", (Attachment("f.csv", content),))
    assert told.error and english in told.text, told.text


async def test_a_bad_source_option_in_spanish(disp: Dispatcher, fdeps: Deps) -> None:
    line = '/facts add-law "Madison, WI" ban 2020-12 in-force ftp://ex.org/b'
    said = await disp.run_text(ADMIN_ES, line)
    assert said.error and said.text == (
        "La fuente debe ser una URL http:// o https://, p. ej. https://example.org/story."
    )
    told = await disp.run_text(ADMIN, line)
    assert told.text == (
        "The source must be an http:// or https:// URL, e.g. https://example.org/story."
    )


async def test_import_counts_in_each_language(disp: Dispatcher, fdeps: Deps) -> None:
    content = (
        FACTS_HEADER
        + "event,Amazon,,,2021-05-18,extension,,Extended again,https://ex.org/a,\n"
        + "law,Virginia,,,2021-02-01,ban,in-force,,https://ex.org/v,\n"
        + "event,Amazon,,,2021-05-18,extension,,Extended again,https://ex.org/a,\n"
    ).encode()
    said = await disp.run_text(ADMIN_ES, "/facts import", (Attachment("f.csv", content),))
    assert not said.error, said.text
    assert said.text.startswith(
        "f.csv: 3 filas\nfuentes creadas: 2\neventos de empresas creados: 1\nleyes creadas: 1\n"
        "ya constaba, no se agregó de nuevo: 1 línea (4)\n"
    ), said.text
    assert not english_sentences(said.as_text()), said.as_text()
    undo = await disp.run_text(ADMIN, "/facts undo C1")
    assert not undo.error, undo.text
    told = await disp.run_text(ADMIN, "/facts import", (Attachment("f.csv", content),))
    assert told.text.startswith(
        "f.csv: 3 rows\nsources created: 2\ncompany events created: 1\nlaws created: 1\n"
        "already on record, not added again: 1 line (4)\n"
    ), told.text


async def test_rows_checked_against_the_record_in_spanish(disp: Dispatcher, fdeps: Deps) -> None:
    # These problems are found by a dry run inside a write job (no request locale there):
    # kept as structure and said in the reply.
    content = (
        FACTS_HEADER
        + "event,Initech,,,2021-05-18,extension,,Extended,https://ex.org/a,\n"
        + "law,Nowhere,,,2021-02-01,ban,in-force,,https://ex.org/v,\n"
        + "event,Amazon,,,2021-05-18,party,,Extended,https://ex.org/a,\n"
    ).encode()
    said = await disp.run_text(ADMIN_ES, "/facts import", (Attachment("f.csv", content),))
    assert said.error, said.text
    assert "línea 2: no existe ninguna empresa llamada 'Initech'" in said.text, said.text
    assert "línea 3: la jurisdicción debe ser" in said.text
    told = await disp.run_text(ADMIN, "/facts import", (Attachment("f.csv", content),))
    assert "line 2: no company called 'Initech'" in told.text, told.text

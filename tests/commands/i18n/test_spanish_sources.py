"""Sources and technology names in Spanish replies: the outlet's name only, the source's date
in words, the Atlas categories from the glossary; the English replies as they always were."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from places.index import place_index
from storage.db import Database
from storage.importers.atlas import parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.seed import ensure_seed
from testkit.english import english_sentences
from tests.conftest import FIXED_NOW, identity, shared_data_file

SPANISH = replace(identity(), locale="es-419")
# A citation whose date is still ISO, or whose publisher keeps its English note.
_ISO_CITED = re.compile(r"Fuente: [^:\n]*\d{4}-\d{2}")
_NOTE_CITED = re.compile(r"Fuente: [^,:\n]*\(")


@pytest.fixture
async def atlas(dispatcher: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    await ensure_seed(db, now=FIXED_NOW)
    data = shared_data_file("eff_atlas_of_surveillance_2020-10-07.csv").read_bytes()
    await import_atlas(db, parse_atlas(data), as_of="2020-10-07", imported_at=FIXED_NOW)
    await place_index(deps).reload()
    return dispatcher


async def test_local_names_technologies_and_sources_in_spanish(atlas: Dispatcher) -> None:
    reply = await atlas.run_text(SPANISH, "/local San Francisco, CA")
    names = [f.name for f in reply.fields]
    assert names[:4] == [
        "Acuerdo con Ring/Neighbors",
        "Cámaras corporales",
        "Centro de fusión",
        "Detección de disparos",
    ]
    assert {
        "Lectores automáticos de placas",
        "Reconocimiento facial",
        "Registro de cámaras",
    } <= set(names)
    text = reply.as_text()
    assert "Fuente: SF Examiner, 8 de abril de 2018: https://www.sfexaminer.com/" in text
    assert "Fuente: Morning Brew, 1 de febrero de 2021: " in text
    assert "Fuente: CNET, junio de 2021: " in text
    assert "Fuente: Ring: https://ring.com/support/" in text
    assert not _ISO_CITED.search(text), _ISO_CITED.search(text)
    assert not _NOTE_CITED.search(text), _NOTE_CITED.search(text)
    # The technology headings and the citations hold no English sentence of their own.
    cited = re.findall(r"Fuente: [^\n]*?: https?://\S+", text)
    assert cited and not [c for c in cited if english_sentences(c)]
    assert not [n for n in names if english_sentences(n)]


async def test_local_in_english_is_unchanged(atlas: Dispatcher) -> None:
    reply = await atlas.run_text(identity(), "/local San Francisco, CA")
    assert [f.name for f in reply.fields][:4] == [
        "Ring/Neighbors partnership",
        "Automated License Plate Readers",
        "Body-worn Cameras",
        "Camera Registry",
    ]
    text = reply.as_text()
    assert "Source: SF Examiner, 2018-04-08: https://www.sfexaminer.com/" in text
    assert "Source: Morning Brew (citing the Financial Times), 2021-02-01: " in text
    assert "Source: CNET, 2021-06: " in text
    assert "Source: Ring (help page for public safety agencies): https://ring.com/support/" in text


async def test_moratorium_cites_outlets_in_spanish(atlas: Dispatcher) -> None:
    amazon = await atlas.run_text(SPANISH, "/moratorium amazon")
    assert "Fuente: Reuters, 18 de mayo de 2021: https://www.nasdaq.com/" in amazon.as_text()
    ibm = await atlas.run_text(SPANISH, "/moratorium ibm")
    assert "Fuente: CFO.com, 9 de junio de 2020: https://www.cfo.com/" in ibm.as_text()
    english = await atlas.run_text(identity(), "/moratorium amazon")
    assert "Source: Reuters (Nasdaq copy), 2021-05-18: https://www.nasdaq.com/" in english.as_text()

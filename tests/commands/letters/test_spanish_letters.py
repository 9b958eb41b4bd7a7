"""Every Spanish letter, petition and records request over a sample of real places reads as
Spanish: no English sentence (testkit/english.py's detector; an official English name in
parentheses and a link are data), no empty-field artefacts, agencies and counties named in
Spanish, and every stored law scope with its Spanish text."""

from __future__ import annotations

import re

import pytest

from bot.core.deps import Deps
from commands.letters.catalog import LetterCatalog
from lexicon.states import STATES
from testkit.english import english_sentences
from tests.commands.letters.test_every_place import _kinds, _load, _spread
from tests.conftest import identity

pytestmark = pytest.mark.real_data("seed", "atlas", "laws")  # the `db` fixture loads them
PER_KIND = 12
EXTRA = ("Cook County, IL", "Hall County Sheriff's Office, GA", "Houston, TX", "Gates, NY")
_PARENS = re.compile(r"\([^()]*(?:\([^()]*\))?[^()]*\)")
_URL = re.compile(r"https?://\S+")
# What an empty field leaves behind: a doubled space or comma, a bare preposition at a line's
# end, an empty "()", "Fuente: ," or a sentence starting with its punctuation.
_ARTEFACTS = re.compile(r"  |, ,|\(\s*\)|: ,|:\s*$|\b(?:de|en|a|del|al)\s*[.,]| \.")


_CITE = re.compile(r"(?<=consta en: ).*")  # a source's own title and publisher: data


def _prose(text: str) -> str:
    return _URL.sub("", _PARENS.sub("", _CITE.sub("", text)))


async def test_every_spanish_letter_reads_as_spanish(deps: Deps) -> None:
    disp = await _load(deps)
    kinds = await _kinds(deps)
    catalog = LetterCatalog()
    companies = [s.company.slug for s in await deps.storage.facts.companies_with_status()]
    places = [*EXTRA, *(p.label for ps in kinds.values() for p in _spread(ps, PER_KIND))]
    drafted = 0
    for name in catalog.shipped_names():
        wheres = [f"company:{c}" for c in companies] if name.startswith("company-") else places
        for where in wheres:
            line = f"/letter draft {name} {where} language:es signer:Ana"
            reply = await disp.run_text(identity(), line)
            if reply.error:
                assert not english_sentences(reply.text), (line, reply.text)
                continue
            drafted += 1
            for part in (reply.text, *(f.value for f in reply.fields)):
                prose = _prose(part)
                assert not english_sentences(prose), (line, english_sentences(prose))
                for row in part.splitlines():
                    assert not _ARTEFACTS.search(row.rstrip()) or row.endswith(":"), (line, row)
            assert [f.name for f in reply.fields] in ([], ["Antes de enviar"]), line
            text = reply.text
            heads = [r for r in text.splitlines() if r.startswith(("Asunto:", "PETICIÓN"))]
            assert not any(" County," in r for r in heads), (line, heads)  # "el condado de"
            assert "asociación" not in text, line  # a Ring partnership is an "acuerdo"
            assert not re.search(r"\bFuente: [^,\n]*\(", text), line  # the outlet's name only
    assert drafted >= 40


async def test_known_wording(deps: Deps) -> None:
    disp = await _load(deps)
    who = identity()
    ring = await disp.run_text(who, "/letter draft ring-council Greenfield, WI language:es")
    assert (
        "al acuerdo del Departamento de Policía de Greenfield (Greenfield Police Department)"
        " con Ring" in ring.text
    )
    assert "ordenen al Departamento de Policía de Greenfield que diga" in ring.text
    assert "Fuente: Ring, https://ring.com/support" in ring.text
    petition = await disp.run_text(who, "/letter draft ban-petition Cook County, IL language:es")
    assert "reconocimiento facial en el condado de Cook, IL" in petition.text
    # Cook County's board, as 5 ILCS 70/1.07 names it (places/governing.toml).
    assert "Para: la Junta de Comisionados (Board of Commissioners) del Condado de Cook" in (
        petition.text
    )
    keep = await disp.run_text(who, "/letter draft keep-ban Alameda, CA language:es")
    assert "no es una prohibición general para la policía" in keep.text  # AB 1215's scope
    meta = await disp.run_text(who, "/letter draft company-commitment company:meta language:es")
    # The English and the source: Meta said it would; never that it did.
    assert "dijo que cerraría" in meta.text and "cerró" not in meta.text
    assert "Al " not in meta.text and "El registro público" not in meta.text


async def test_every_stored_scope_has_spanish(deps: Deps) -> None:
    for state in STATES:
        for law in await deps.storage.facts.laws_in_state(state):
            assert not law.scope or law.scope_es, (law.jurisdiction, law.scope)

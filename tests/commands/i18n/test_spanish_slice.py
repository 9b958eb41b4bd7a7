"""The converted replies as a Spanish-speaking member reads them: no English sentence of the
bot's (testkit/english.py), Spanish dates and plurals. The facts' own text is said in Spanish
(migration 0021); who said it, a source's cite, is still English and is told apart
(docs/languages.md, "What is not converted")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Reply, Role
from places.index import place_index
from storage.db import Database
from storage.importers.atlas import parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.seed import ensure_seed
from testkit.english import english_sentences
from tests.conftest import FIXED_NOW, identity, shared_data_file


def spanish(who: Identity) -> Identity:
    return replace(who, locale="es-419")


async def fact_texts(deps: Deps) -> list[str]:
    """Who said each stored fact, as the replies cite it (still English). The facts' own
    text is not taken out: a Spanish reply says it in Spanish. Longest first, so a longer
    text goes before a part."""
    found: set[str] = set()
    for status in await deps.storage.facts.companies_with_status():
        for event in await deps.storage.facts.company_timeline(status.company.id):
            found.add(event.source.cite())
    return sorted((t for t in found if t), key=len, reverse=True)


def english_of_the_bot(reply: Reply, facts: list[str]) -> list[str]:
    """The English sentences of a reply once the facts' own words are taken out."""
    text = reply.as_text()
    for fact in facts:
        text = text.replace(fact, "")
    return english_sentences(text)


@pytest.mark.parametrize("role", [Role.MEMBER, Role.ORGANIZER, Role.ADMIN])
async def test_help_in_spanish_for_each_role(dispatcher: Dispatcher, role: Role) -> None:
    who = spanish(identity(role, facts_admin=role is Role.ADMIN))
    overview = await dispatcher.run_text(who, "/help")
    assert overview.title == "Comandos de Counterwatch"
    assert "/ring lookup <place> [share:true|false] - ¿Tiene un departamento de policía" in (
        overview.text
    )
    for line in ("/help", "/help campaign", "/help ring lookup", "/help letter draft"):
        reply = await dispatcher.run_text(who, line)
        assert not english_sentences(reply.as_text()), reply.as_text()
    if role is Role.MEMBER:
        assert "son para organizadores y administradores." in overview.text
    described = await dispatcher.run_text(who, "/help ring lookup")
    assert described.text.endswith("Para: todos")
    assert [f.name for f in described.fields] == ["place", "share (opcional)", "Ejemplos"]


@pytest.fixture
async def atlas(dispatcher: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    await ensure_seed(db, now=FIXED_NOW)
    data = shared_data_file("eff_atlas_of_surveillance_2020-10-07.csv").read_bytes()
    await import_atlas(db, parse_atlas(data), as_of="2020-10-07", imported_at=FIXED_NOW)
    await place_index(deps).reload()
    return dispatcher


async def test_ring_lookup_in_spanish(atlas: Dispatcher, deps: Deps) -> None:
    who = spanish(identity())
    reply = await atlas.run_text(who, "/ring lookup Greenfield, WI")
    assert reply.title == "Acuerdos de la policía con Ring: Greenfield, WI"
    field = next(f for f in reply.fields if f.name == "Greenfield Police Department, WI")
    assert field.value.startswith(
        "Se unió al portal policial Neighbors de Ring el 22 de marzo de 2018 (según la"
        " instantánea del EFF Atlas del 7 de octubre de 2020). Fuente: Ring"
    )
    assert field.value.endswith("(datos al 7 de octubre de 2020).")
    assert not english_of_the_bot(reply, await fact_texts(deps))
    # The same answer in English is still the English one: answers are kept per language.
    english = await atlas.run_text(identity(), "/ring lookup Greenfield, WI")
    assert english.title == "Ring police partnerships: Greenfield, WI"


async def test_ring_lookup_misses_in_spanish(atlas: Dispatcher, deps: Deps) -> None:
    who = spanish(identity())
    for place in ("Springfield", "Xyzzyville, ZZ", "Paris, France", "Oakland, CA", "60601"):
        reply = await atlas.run_text(who, f"/ring lookup {place}")
        assert not english_of_the_bot(reply, await fact_texts(deps)), reply.as_text()
    several = await atlas.run_text(who, "/ring lookup Springfield")
    assert several.error and "coincide con varios lugares" in several.text


async def test_moratorium_in_spanish(atlas: Dispatcher, deps: Deps) -> None:
    who = spanish(identity())
    overview = await atlas.run_text(who, "/moratorium")
    assert overview.title == "Políticas de las empresas sobre reconocimiento facial"
    assert "Escriba /moratorium <empresa> para ver la cronología completa." in overview.text
    amazon = await atlas.run_text(who, "/moratorium amazon")
    assert amazon.title == "Amazon: cronología de su política de reconocimiento facial"
    assert amazon.text.startswith("Situación actual: ")
    assert "(desde: 25 de enero de 2024). Fuente: FedScoop" in amazon.text
    assert amazon.text.endswith("\nDatos al 25 de enero de 2024.")
    assert {"10 de junio de 2020", "18 de mayo de 2021"} <= {f.name for f in amazon.fields}
    facts = await fact_texts(deps)
    for reply in (overview, amazon):
        assert not english_of_the_bot(reply, facts), reply.as_text()

"""The place commands, /follow and the facts admins' replies as a Spanish-speaking member
reads them: no English sentence of the bot's (testkit/english.py), Spanish dates and plurals.
What storage holds in English only (sources, agency names, the audit log's summaries) is
taken out first (docs/languages.md, "What is not converted"); the facts' own text (law
scopes and notes, events) is said in Spanish (migration 0021) and is not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Reply, Role
from storage.db import Database
from testkit.english import english_sentences
from tests.commands.i18n.test_spanish_slice import fact_texts
from tests.conftest import identity
from tests.real_data import require


def spanish(who: Identity) -> Identity:
    return replace(who, locale="es-419")


@pytest.fixture
async def atlas(dispatcher: Dispatcher, request: pytest.FixtureRequest) -> Dispatcher:
    """The seed and the real Atlas export, which the `db` fixture loaded: the test carries
    `@pytest.mark.real_data("seed", "atlas")` (tests/real_data.py)."""
    require(request, "seed", "atlas")
    return dispatcher


async def stored(deps: Deps, db: Database) -> list[str]:
    """What the replies quote from storage, longest first (a longer text before a part)."""
    found = set(await fact_texts(deps))
    for law in await deps.storage.facts.all_laws():
        found.add(law.source.cite())
    rows = await db.fetchall(
        "SELECT name FROM agencies UNION SELECT summary FROM changes"
        " UNION SELECT publisher FROM sources UNION SELECT technology FROM deployments"
    )
    found |= {str(r[0]) for r in rows}
    return sorted((t for t in found if t), key=len, reverse=True)


def english_of_the_bot(reply: Reply, texts: list[str]) -> list[str]:
    text = replace(reply, file=None).as_text()
    for stored_text in texts:
        text = text.replace(stored_text, "")
    return english_sentences(text)


PLACE_LINES = (
    "/local Greenfield, WI", "/local Oakland, CA", "/local Greenfeld WI", "/laws", "/laws MA",
    "/laws WY", "/laws Oakland, CA", "/contact Greenfield, WI", "/contact Gates, NY",
    "/contact Milwaukee County, WI", "/ring stats", "/ring stats WI", "/ring stats WY",
)  # fmt: skip


@pytest.mark.real_data("seed", "atlas")  # the `db` fixture opens with them
async def test_place_commands_in_spanish(atlas: Dispatcher, deps: Deps, db: Database) -> None:
    who = spanish(identity())
    texts = await stored(deps, db)
    for line in PLACE_LINES:
        reply = await atlas.run_text(who, line)
        assert not english_of_the_bot(reply, texts), reply.as_text()
    local = await atlas.run_text(who, "/local Greenfield, WI")
    assert local.title == "Registrado: Greenfield, WI"
    assert "datos de vigilancia: datos al 7 de octubre de 2020, instantánea del EFF Atlas" in (
        local.text
    )
    stats = await atlas.run_text(who, "/ring stats WI")
    assert stats.title == "Acuerdos de la policía con Ring: Wisconsin (WI)"
    assert "agencias con un acuerdo con Ring registrado" in stats.text
    assert "Fuente: instantánea del EFF Atlas of Surveillance del 7 de octubre de 2020" in (
        stats.text
    )
    laws = await atlas.run_text(who, "/laws Oakland, CA")
    assert laws.title == "Leyes de reconocimiento facial aplicables a Oakland, CA"
    values = "\n".join(f.value for f in laws.fields)
    assert ". Votada el 16 de julio de 2019; estado: vigente (" in values, values
    assert "; estado: vencida el 1 de enero de 2023 (" in values, values
    contact = await atlas.run_text(who, "/contact Greenfield, WI")
    assert contact.title == "Quién gobierna a la policía: Greenfield, WI"


@pytest.mark.real_data("seed", "atlas")  # the `db` fixture opens with them
async def test_follow_in_spanish(atlas: Dispatcher) -> None:
    who = spanish(identity())
    none = await atlas.run_text(who, "/following")
    assert none.text == "Usted no sigue ningún lugar. Pruebe /follow Greenfield, WI"
    followed = await atlas.run_text(who, "/follow Greenfield, WI")
    assert followed.text.startswith("Ahora usted sigue Greenfield, WI. Cuando cambie un dato")
    listed = await atlas.run_text(who, "/following")
    assert listed.title == "Lugares que usted sigue"
    assert listed.text == "Greenfield, WI (desde: 26 de noviembre de 2026)"
    gone = await atlas.run_text(who, "/unfollow Greenfield, WI")
    assert gone.text == "Usted ya no sigue Greenfield, WI."
    for reply in (none, followed, listed, gone):
        assert not english_sentences(reply.as_text()), reply.as_text()


@pytest.mark.real_data("seed", "atlas")  # the `db` fixture opens with them
async def test_facts_admin_in_spanish(atlas: Dispatcher, deps: Deps, db: Database) -> None:
    who = spanish(identity(Role.ADMIN))
    ended = await atlas.run_text(
        who, '/facts end-partnership "Greenfield Police Department, WI" 2024-01 https://ex.org/e'
    )
    assert not ended.error, ended.text
    assert ended.title == "Cambio C1 registrado"
    assert "Nadie sigue este lugar todavía. Para deshacerlo: /facts undo C1" in ended.text
    history = await atlas.run_text(who, "/facts history")
    assert history.title == "Historial de los datos (lo más reciente primero)"
    assert "fecha de fin (ninguno) → 2024-01; fuente https://" in history.text, history.text
    refused = await atlas.run_text(
        who, '/facts add-law "Oakland, CA" ban 2999 in-force https://ex.org/l'
    )
    assert refused.text == "La fecha 2999 está en el futuro; los datos registran lo que ya ocurrió."
    texts = await stored(deps, db)
    for reply in (ended, history, refused, await atlas.run_text(who, "/facts outbox")):
        assert not english_of_the_bot(reply, texts), reply.as_text()

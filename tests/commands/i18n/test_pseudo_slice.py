"""The converted replies in the pseudo-locale `qps`: every word of them comes out of the
catalog, except what is code (command and option names, examples) or data (places, companies,
dates, sources). A string the code left unwrapped shows up here as plain English; one wrapped
but never extracted as ⟪MISSING⟫."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Reply, Role
from commands import build_registry
from lexicon.states import STATES
from places.index import place_index
from storage.db import Database
from storage.importers.atlas import parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.seed import ensure_seed
from testkit.pseudo import MISSING, untranslated_words
from tests.conftest import FIXED_NOW, identity, shared_data_file

ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"

WORD = re.compile(r"[A-Za-z]{2,}")


def words(*texts: str) -> set[str]:
    return {w for text in texts for w in WORD.findall(text)}


def code_words() -> set[str]:
    """What a member types: command paths, option names and choices, usage and examples."""
    found: set[str] = set()
    for command in build_registry().commands():
        found |= words(command.usage(), *command.examples, *command.path)
        for option in command.options:
            found |= words(option.name, *option.choices)
    return found


CODE = code_words()


def pseudo(who: Identity) -> Identity:
    return replace(who, locale="qps")


def assert_all_from_catalog(reply: Reply, data: Collection[str] = ()) -> None:
    text = reply.as_text()
    assert MISSING not in text, text
    left = untranslated_words(text, CODE | set(data))
    assert not left, f"not through the catalog: {left}\n{text}"


@pytest.fixture
async def seeded(dispatcher: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    await ensure_seed(db, now=FIXED_NOW)
    await place_index(deps).reload()
    return dispatcher


@pytest.mark.parametrize("role", [Role.MEMBER, Role.ORGANIZER, Role.ADMIN])
async def test_help_for_each_role(dispatcher: Dispatcher, role: Role) -> None:
    who = pseudo(identity(role, facts_admin=False))
    assert_all_from_catalog(await dispatcher.run_text(who, "/help"))
    assert_all_from_catalog(await dispatcher.run_text(who, "/help campaign"))
    assert_all_from_catalog(await dispatcher.run_text(who, "/help ring lookup"))
    assert_all_from_catalog(await dispatcher.run_text(who, "/help letter draft"))


@pytest.mark.parametrize(
    "line",
    ["/nosuch", "/ring", "/ring nosuch", "/ring lookup", "/ring stats 1 2 3", '/help "x',
     "/language fr", "/campaign create x y", "/facts remove D1", "/help nosuch"],
)  # fmt: skip
async def test_the_shared_error_lines(dispatcher: Dispatcher, line: str) -> None:
    reply = await dispatcher.run_text(pseudo(identity(Role.MEMBER)), line)
    assert reply.error
    assert_all_from_catalog(reply)


async def test_language_and_mydata(dispatcher: Dispatcher) -> None:
    who = pseudo(identity(Role.MEMBER))
    for line in ("/language", "/mydata", "/forgetme", "/language auto"):
        assert_all_from_catalog(await dispatcher.run_text(who, line), words("pseudo", "test"))


async def test_the_workspace_language(dispatcher: Dispatcher) -> None:
    admin = pseudo(identity(Role.ADMIN, user_id="U-admin"))
    lines = ("/language es workspace:yes", "/language workspace:yes", "/mydata")
    for line in (*lines, "/language auto workspace:yes"):
        assert_all_from_catalog(await dispatcher.run_text(admin, line), words("W1 pseudo test"))
    refused = await dispatcher.run_text(pseudo(identity(Role.MEMBER)), "/language es workspace:yes")
    assert refused.error
    assert_all_from_catalog(refused)


async def stored_text(deps: Deps) -> set[str]:
    """The facts' own words (an event's summary, its source, its confidence): stored in
    English, data rather than catalog strings (docs/languages.md, "What is not converted")."""
    found: set[str] = set()
    for status in await deps.storage.facts.companies_with_status():
        found |= words(status.company.name, status.company.slug)
        for event in await deps.storage.facts.company_timeline(status.company.id):
            found |= words(event.summary, event.status, event.source.cite(), event.confidence)
    return found


async def test_moratorium(seeded: Dispatcher, deps: Deps) -> None:
    who = pseudo(identity(Role.ADMIN))
    data = await stored_text(deps)
    assert_all_from_catalog(await seeded.run_text(who, "/moratorium"), data)
    for company in ("amazon", "ibm", "ring"):
        assert_all_from_catalog(await seeded.run_text(who, f"/moratorium {company}"), data)
    assert_all_from_catalog(await seeded.run_text(who, "/moratorium nosuchcompany"))


async def test_ring_lookup_on_the_seed(seeded: Dispatcher, deps: Deps) -> None:
    """Without the Atlas: no place on record, said with the hint how to load it."""
    reply = await seeded.run_text(pseudo(identity(Role.MEMBER)), "/ring lookup Greenfield, WI")
    assert reply.error
    assert_all_from_catalog(reply)


@pytest.fixture
async def atlas(seeded: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    data = shared_data_file(ATLAS).read_bytes()
    await import_atlas(db, parse_atlas(data), as_of="2020-10-07", imported_at=FIXED_NOW)
    await place_index(deps).reload()
    return seeded


async def test_ring_lookup_on_the_atlas(atlas: Dispatcher, deps: Deps, db: Database) -> None:
    """Own police, county partners, serving agencies, ZIP codes, near misses, ambiguity."""
    who = pseudo(identity(Role.MEMBER))
    # Data: the facts' own text, and the names of agencies and their places (an agency list
    # is joined by code: "A (2019); B (2020)"), never a sentence of the bot's.
    rows = await db.fetchall("SELECT name, city, county, state FROM agencies")
    data = await stored_text(deps) | words(*(" ".join(map(str, tuple(r))) for r in rows))
    places = ("Greenfield, WI", "Oakland, CA", "Rochester, NY", "60601", "Greenfeld WI",
              "Springfield", "Milwaukee County, WI", "Xyzzyville, ZZ", "Paris, France")  # fmt: skip
    for place in places:
        reply = await atlas.run_text(who, f"/ring lookup {place}")
        assert_all_from_catalog(reply, words(place) | data)


async def atlas_data(deps: Deps, db: Database) -> set[str]:
    """The facts' own words for the place commands: agencies and their places, vendors,
    laws' jurisdictions, state names, and every source's name (the Atlas's technology
    names are said through the catalog: lexicon/technologies.py)."""
    rows = await db.fetchall(
        "SELECT a.name, a.city, a.county, a.state, COALESCE(d.vendor, '')"
        " FROM agencies a LEFT JOIN deployments d ON d.agency_id = a.id"
    )
    laws = await deps.storage.facts.all_laws()
    found = words(*(" ".join(map(str, tuple(r))) for r in rows))
    found |= words(*(f"{law.jurisdiction} {law.source.cite()}" for law in laws))
    return found | words(*STATES.values()) | await stored_text(deps)


async def test_place_commands(atlas: Dispatcher, deps: Deps, db: Database) -> None:
    """/local, /laws, /contact and /ring stats: found, near misses, none on record."""
    who = pseudo(identity(Role.MEMBER))
    data = await atlas_data(deps, db)
    lines = ["/local Greenfield, WI", "/local Oakland, CA", "/local Greenfeld WI",
             "/local Milwaukee County, WI", "/laws", "/laws MA", "/laws WY", "/laws Oakland, CA",
             "/laws Greenfeld WI", "/laws Xyzzyville, ZZ", "/contact Greenfield, WI",
             "/contact Gates, NY", "/contact Milwaukee County, WI", "/contact Greenfeld WI",
             "/ring stats", "/ring stats WI", "/ring stats WY", "/ring stats Narnia"]  # fmt: skip
    for line in lines:
        reply = await atlas.run_text(who, line)
        # The chart's alt text is said through the catalog too (its labels: tests/charts).
        alt = reply.file.alt_text if reply.file else ""
        assert_all_from_catalog(
            replace(reply, file=None, note=f"{reply.note} {alt}"), words(line) | data
        )


async def test_follow(seeded: Dispatcher) -> None:
    who = pseudo(identity(Role.MEMBER))
    place = words("Greenfield, WI", "Greenfeld")
    for line in ("/following", "/follow Greenfield, WI", "/follow Greenfield, WI",
                 "/following", "/follow Greenfeld, WI", "/unfollow Greenfeld",
                 "/unfollow Greenfield, WI"):  # fmt: skip
        assert_all_from_catalog(await seeded.run_text(who, line), place)


ADMIN_LINES = (
    "/facts history", "/facts history Greenfield, WI", "/facts history D1", "/facts outbox",
    '/facts set-partnership "Nowhere PD" 2019 https://ex.org/a',
    '/facts set-partnership "Nowhere PD" 2019 https://ex.org/a create:yes',
    '/facts set-partnership "Nowhere PD, WI" 2019 https://ex.org/a create:yes state:MN',
    '/facts set-partnership "Greenfield, WI" 2999 https://ex.org/a',
    '/facts end-partnership "Greenfield Police Department, WI" 2024 https://ex.org/e',
    "/facts add-event Nosuch 2020 other Something https://ex.org/n",
    '/facts add-law "Oakland" ban 2020 in-force https://ex.org/l',
    '/facts add-law "Oakland, CA" ban 2020 repealed https://ex.org/l',
    "/facts set-law-status D1 repealed 2023 https://ex.org/r",
    "/facts set-law-status L999999 repealed 2023 https://ex.org/r",
    '/facts set-law-status "Nowhere, WI" repealed 2023 https://ex.org/r',
    "/facts remove X1 https://ex.org/r", "/facts remove D999999 https://ex.org/r",
    "/facts undo nope", "/facts import",
    "/facts set-spanish D1 text_es:hola", "/facts set-spanish E999999 text_es:hola",
    '/facts set-spanish E1 text_es:"."', "/facts set-spanish L1 text_es:hola",
)  # fmt: skip


async def test_facts_admin_replies(atlas: Dispatcher, deps: Deps, db: Database) -> None:
    """The admin commands' replies and refusals, the audit log's summaries with them (kept
    as structure and said through the catalog: lexicon/stored.py)."""
    who = pseudo(identity(Role.ADMIN))
    data = await atlas_data(deps, db) | words("user", "Nowhere", "PD", "ex", "org")
    for line in ADMIN_LINES:
        reply = await atlas.run_text(who, line)
        assert_all_from_catalog(reply, data | words(line))

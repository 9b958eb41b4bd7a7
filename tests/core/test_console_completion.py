"""Tab completion at the console: the same suggestions the chat platforms get."""

from __future__ import annotations

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.platforms import console
from bot.platforms.console.completion import suggestions
from places.index import place_index
from storage.db import Database
from storage.seed import ensure_seed
from tests.conftest import FIXED_NOW

OLGA = console.console_identity(Role.ADMIN, "Olga")


async def _texts(dispatcher: Dispatcher, line: str) -> list[str]:
    return [s.text for s in await suggestions(dispatcher, OLGA, line)]


async def _smalltown(dispatcher: Dispatcher) -> None:
    line = (
        '/facts set-partnership "Smalltown Police Department" 2020-01-01'
        " https://example.org/a create:yes state:WI city:Smalltown"
    )
    assert not (await dispatcher.run_text(OLGA, line)).error
    await place_index(dispatcher.deps).reload()


async def test_commands_subcommands_and_option_names(dispatcher: Dispatcher) -> None:
    assert await _texts(dispatcher, "/fol") == ["/follow", "/following"]
    assert "/as" in await _texts(dispatcher, "/")  # the console's own command
    assert await _texts(dispatcher, "/campaign jo") == ["join"]
    assert await _texts(dispatcher, "/letter draft council sig") == ["signer:"]
    assert "ends:" in await _texts(dispatcher, "/campaign create x y 5 en")  # + templates
    assert await _texts(dispatcher, "/nonsense x") == []
    assert await _texts(dispatcher, '/letter draft "open') == []


async def test_places_complete_as_values(dispatcher: Dispatcher) -> None:
    await _smalltown(dispatcher)
    found = await suggestions(dispatcher, OLGA, "/follow Smallt")
    assert found and found[0].text.startswith("Smalltown") and found[0].replace == len("Smallt")
    # A greedy value of several words is replaced whole; a key:value one is quoted.
    several = await suggestions(dispatcher, OLGA, "/ring lookup Smalltown Pol")
    assert several and several[0].replace == len("Smalltown Pol")
    keyed = await _texts(dispatcher, "/letter draft council place:Smallt")
    assert keyed and keyed[0].startswith('place:"Smalltown')


async def test_companies_complete_as_values(dispatcher: Dispatcher, db: Database) -> None:
    await ensure_seed(db, now=FIXED_NOW)  # the seed's companies
    assert (await _texts(dispatcher, "/moratorium Ama"))[0] == "amazon"
    assert (await _texts(dispatcher, "/moratorium company:Ama"))[0] == "company:amazon"

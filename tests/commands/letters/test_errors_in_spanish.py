"""A letter asked for in Spanish answers its errors in Spanish too."""

from __future__ import annotations

import re

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from places.index import place_index
from storage.db import Database
from storage.seed import ensure_seed
from tests.conftest import FIXED_NOW, identity
from tests.facts_sample import load_sample

ENGLISH = re.compile(r"\b(the|is|has|no longer|type|called|record|which|needs|sells)\b", re.I)
COMMAND = re.compile(r"/letter \S+(?: [^:]*?)?(?=$|[.,;)])|\w+:\S+|<\w+>")

BAD = [
    "/letter draft ring-council Atlantis, ZZ",
    "/letter draft ring-council Zzyzx, CA",
    "/letter draft ring-council Miami",
    "/letter draft nosuch Greenfield, WI",
    "/letter draft company-moratorium company:initech",
    "/letter draft company-moratorium company:ibm",
    "/letter draft company-commitment company:amazon",
    "/letter draft company-moratorium company:ring",
    "/letter draft ban-petition Somerville, MA",
    "/letter draft keep-ban Greenfield, WI",
    "/letter draft ring-council",
]


@pytest.fixture
async def world(dispatcher: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    await ensure_seed(db, now=FIXED_NOW)
    await load_sample(db)
    await place_index(deps).reload()
    return dispatcher


@pytest.mark.parametrize("line", BAD)
async def test_errors_follow_the_letters_language(world: Dispatcher, line: str) -> None:
    english = await world.run_text(identity(), line)
    spanish = await world.run_text(identity(), f"{line} language:es")
    assert english.error and spanish.error, (english.text, spanish.text)
    assert spanish.text != english.text
    prose = COMMAND.sub(" ", spanish.text)
    assert ENGLISH.search(prose) is None, spanish.text

"""Facts for letter tests: the project's seed, plus a few hand-written agencies
(`testkit/letters_facts.py`, shared with the letters benchmark)."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from places.index import place_index
from storage.db import Database
from storage.seed import ensure_seed
from testkit.letters_facts import letters_agencies
from tests.conftest import FIXED_NOW


@pytest.fixture
async def facts_deps(deps: Deps, db: Database) -> Deps:
    await ensure_seed(db, now=FIXED_NOW)
    await db.write(letters_agencies)
    await place_index(deps).reload()
    return deps

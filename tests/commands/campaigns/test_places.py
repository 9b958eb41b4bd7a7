"""Places a campaign stores are named exactly: a typo is refused with the closest places,
never stored corrected (a read such as /ring lookup may show the closest place instead)."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from places.index import place_index
from storage.db import Database
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok, signup_count
from tests.conftest import identity
from tests.facts_sample import load_sample


@pytest.fixture(autouse=True)
async def places(deps: Deps, db: Database) -> None:
    await load_sample(db)
    await place_index(deps).reload()


async def test_a_campaign_place_with_a_typo_is_refused(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    text = await run_error(
        dispatcher, ORGANIZER, '/campaign create typo "Typo" 10 place:"Greenfeild, WI"'
    )
    assert "nothing was saved" in text and "Closest: Greenfield, WI" in text
    assert "\n" not in text
    assert await db.fetchone("SELECT id FROM campaigns WHERE slug = 'typo'") is None
    await create(dispatcher, 'exact "Exact" 10 place:"greenfield,  wi"')
    row = await db.fetchone("SELECT place FROM campaigns WHERE slug = 'exact'")
    assert row is not None and row[0] == "Greenfield, WI"


async def test_a_member_city_with_a_typo_is_refused_and_an_unknown_town_kept(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await create(dispatcher, 'drive "Drive" 10')
    text = await run_error(dispatcher, identity(user_id="A"), "/campaign join drive Greenfeild, WI")
    assert "Closest: Greenfield, WI" in text
    assert await signup_count(db, "drive") == 0
    await run_ok(dispatcher, identity(user_id="A"), "/campaign join drive greenfield wi")
    await run_ok(dispatcher, identity(user_id="B"), "/campaign join drive Qxzvbnm")
    rows = await db.fetchall("SELECT city FROM signups ORDER BY id")
    assert [r[0] for r in rows] == ["Greenfield, WI", "Qxzvbnm"]

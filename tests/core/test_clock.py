"""The clock is a dependency: the bot's dates follow `Deps.clock`, whatever day the tests run.

Every other test passes a fixed clock. This one runs the production clock (`utc_now`, the
one main.py wires) under two different faked wall-clock dates, to prove that a date-sensitive
path (closing a campaign, then refusing a join "closed on ...") reads the clock it is given
and caches no date of its own.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from bot.core.deps import Deps, utc_now
from bot.core.dispatch import Dispatcher
from commands import build_registry
from storage.db import Database
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok
from tests.conftest import identity


@pytest.mark.parametrize("day", [dt.date(2026, 11, 26), dt.date(2031, 2, 3)])
async def test_a_closing_date_is_the_clocks(db: Database, deps: Deps, day: dt.date) -> None:
    dispatcher = Dispatcher(
        build_registry(),
        Deps(
            settings=deps.settings,
            storage=deps.storage,
            clock=utc_now,
            services=deps.services,
        ),
    )
    with time_machine.travel(dt.datetime.combine(day, dt.time(12), dt.UTC), tick=False):
        await create(dispatcher, "hearing Hearing")
        await run_ok(dispatcher, ORGANIZER, "/campaign close hearing")
        refusal = await run_error(dispatcher, identity(user_id="B"), "/campaign join hearing")
    assert f"closed on {day.isoformat()}" in refusal

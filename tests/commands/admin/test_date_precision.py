"""Admins enter a fact's date at the precision its source gives: YYYY, YYYY-MM or YYYY-MM-DD,
stored with that precision and shown at it (never padded to a day nobody reported)."""

from __future__ import annotations

import pytest

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from storage.db import Database
from tests.commands.admin.conftest import count
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
GREENFIELD = '"Greenfield Police Department, WI"'


@pytest.mark.parametrize(
    ("typed", "precision", "shown"),
    [("2019-05", "month", "in May 2019"), ("2019", "year", "in 2019"),
     ("2019-06-01", "day", "on 2019-06-01")],
)  # fmt: skip
async def test_a_partnership_date_keeps_its_precision(
    disp: Dispatcher, db: Database, typed: str, precision: str, shown: str
) -> None:
    reply = await disp.run_text(
        ADMIN, f"/facts set-partnership {GREENFIELD} {typed} https://example.org/map"
    )
    assert not reply.error, reply.text
    row = await db.fetchone(
        "SELECT d.started, d.started_precision FROM deployments d JOIN agencies a"
        " ON a.id = d.agency_id WHERE a.name = 'Greenfield Police Department'"
    )
    assert row is not None and (row["started"], row["started_precision"]) == (typed, precision)
    lookup = await disp.run_text(identity(), "/ring lookup Greenfield, WI")
    assert f"Joined Ring's Neighbors police portal {shown}" in lookup.as_text()


async def test_an_event_and_a_law_take_a_month(disp: Dispatcher, db: Database) -> None:
    event = await disp.run_text(
        ADMIN, '/facts add-event Amazon 2024-07 other "Amazon said something" https://ex.org/a'
    )
    assert not event.error, event.text
    assert await count(db, "SELECT COUNT(*) FROM company_events WHERE happened = '2024-07'"
                       " AND happened_precision = 'month'") == 1  # fmt: skip
    timeline = await disp.run_text(identity(), "/moratorium amazon")
    assert any(f.name == "July 2024" for f in timeline.fields)


@pytest.mark.parametrize(
    ("typed", "says"),
    [("2031", "is in the future"), ("2019-13", "must be a date written YYYY, YYYY-MM or"),
     ("May 2019", "must be a date written"), ("2019-02-30", "not a real calendar date")],
)  # fmt: skip
async def test_impossible_or_future_dates_are_refused(
    disp: Dispatcher, db: Database, typed: str, says: str
) -> None:
    before = await count(db, "SELECT COUNT(*) FROM changes")
    reply = await disp.run_text(
        ADMIN, f'/facts set-partnership {GREENFIELD} "{typed}" https://example.org/map'
    )
    assert reply.error and says in reply.text and "\n" not in reply.text
    assert await count(db, "SELECT COUNT(*) FROM changes") == before

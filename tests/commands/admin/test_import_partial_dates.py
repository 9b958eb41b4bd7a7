"""The facts CSV takes dates as the commands do: YYYY, YYYY-MM or YYYY-MM-DD, each kept at
its precision (a source that says "May 2019" is never stored as May 1)."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Attachment, Role
from storage.db import Database
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
HEADER = "fact,subject,state,city,date,kind,status,summary,source_url,create\n"


async def send(disp: Dispatcher, lines: str) -> tuple[bool, str]:
    upload = Attachment("facts.csv", (HEADER + lines).encode())
    reply = await disp.run_text(ADMIN, "/facts import", (upload,))
    return reply.error, reply.as_text()


async def stored(db: Database, sql: str) -> tuple[str, str]:
    row = await db.fetchone(sql)
    assert row is not None
    return str(row[0]), str(row[1])


async def test_month_and_year_dates_import_at_their_precision(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    error, text = await send(
        disp,
        'law,"Oakland, CA",,,2019-07,ban,in-force,City use banned,https://ex.org/o,\n'
        "event,Amazon,,,2021,extension,Moratorium,Extended,https://ex.org/a,\n"
        "partnership,Smalltown Police Department,WI,Smalltown,2026-11,,,,https://ex.org/s,yes\n",
    )
    assert not error, text
    law = await stored(db, "SELECT enacted, enacted_precision FROM laws WHERE city = 'Oakland'")
    assert law == ("2019-07", "month")
    event = await stored(db, "SELECT happened, happened_precision FROM company_events")
    assert event == ("2021", "year")
    # The current month (the clock says 2026-11-26) has begun: not in the future.
    started = await stored(
        db,
        "SELECT d.started, d.started_precision FROM deployments d"
        " JOIN agencies a ON a.id = d.agency_id WHERE a.city = 'Smalltown'",
    )
    assert started == ("2026-11", "month")
    laws = (await disp.run_text(identity(), "/laws CA")).as_text()
    assert "July 2019" in laws and "July 1, 2019" not in laws


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2026-12", "line 2: 2026-12 is in the future"),
        ("2027", "line 2: 2027 is in the future"),
        ("2019-13", "line 2: date must be YYYY, YYYY-MM or YYYY-MM-DD, got '2019-13'"),
        ("05/2019", "line 2: date must be YYYY, YYYY-MM or YYYY-MM-DD, got '05/2019'"),
        ("2019-02-30", "line 2: 2019-02-30 is not a real calendar date"),
    ],
)
async def test_a_date_no_command_would_take_is_refused(
    disp: Dispatcher, fdeps: Deps, db: Database, date: str, message: str
) -> None:
    error, text = await send(disp, f'law,"Oakland, CA",,,{date},ban,in-force,,https://ex.org/o,\n')
    assert error and message in text
    row = await db.fetchone("SELECT COUNT(*) FROM laws WHERE city = 'Oakland'")
    assert row is not None and row[0] == 0

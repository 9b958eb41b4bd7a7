"""/campaign remind: zones, refusals, listing and cancelling, and a reminder that fell due
while the bot was down sent once after the restart (the clock is driven, nothing sleeps)."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.errors import UserError
from bot.core.settings import Settings
from commands import build_registry
from commands.campaigns.ending import summary_text
from commands.campaigns.updates_scheduled import parse_when
from notifications.delivery import deliver_due
from notifications.reminders import close_ended_campaigns, send_due_reminders
from storage.db import Database
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok
from tests.commands.campaigns.test_announce import Recording
from tests.conftest import FIXED_NOW, identity
from wiring import wire_deps

WHEN = '"2026-11-27 18:00 America/Chicago"'  # 2026-11-28 00:00 UTC, 36 h after FIXED_NOW
DUE = dt.datetime(2026, 11, 28, 0, 0, tzinfo=dt.UTC)


def test_a_moment_is_read_in_its_zone() -> None:
    moment, shown = parse_when("2027-03-02  18:00 America/Chicago", FIXED_NOW)
    assert moment.astimezone(dt.UTC) == dt.datetime(2027, 3, 3, 0, 0, tzinfo=dt.UTC)
    assert shown == "2027-03-02 18:00 America/Chicago"
    summer, _ = parse_when("2027-07-02 9:30 America/Chicago", FIXED_NOW)  # CDT: UTC-5
    assert summer.astimezone(dt.UTC).hour == 14


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("2026-11-26 05:00 America/Chicago", "has passed"),  # 11:00 UTC, before FIXED_NOW
        ("2027-03-02 18:00 Mars/Olympus", "not a time zone"),
        ("2027-02-30 18:00 UTC", "not a real date"),
        ("2027-03-14 02:30 America/Chicago", "does not exist"),  # spring forward
        ("tomorrow at six", "a date, a time and a zone"),
        ("2040-01-01 10:00 UTC", "within 5 years"),
    ],
)
def test_refusals(typed: str, why: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_when(typed, FIXED_NOW)
    assert why in refused.value.message


async def test_listed_and_cancelled(dispatcher: Dispatcher, deps: Deps) -> None:
    await create(dispatcher, "vote Vote")
    made = await run_ok(dispatcher, ORGANIZER, f"/campaign remind vote {WHEN} Hearing tonight")
    assert made.text.startswith("Reminder R1 for vote: 2026-11-27 18:00 America/Chicago")
    assert "2026-11-28 00:00 UTC" in made.text
    listed = await run_ok(dispatcher, ORGANIZER, "/campaign reminders vote")
    assert listed.fields[0].name == "R1: 2026-11-27 18:00 America/Chicago"
    assert "Hearing tonight" in listed.fields[0].value
    assert "organizers" in await run_error(dispatcher, identity(), "/campaign reminders vote")
    await run_ok(dispatcher, ORGANIZER, "/campaign unremind vote R1")
    assert "No waiting reminder" in await run_error(
        dispatcher, ORGANIZER, "/campaign unremind vote 1"
    )
    assert "No reminder" in (await run_ok(dispatcher, ORGANIZER, "/campaign reminders vote")).text
    later = replace(deps, clock=lambda: DUE)
    assert await send_due_reminders(later) == 0  # a cancelled one is never sent


async def test_due_while_down_is_sent_once_after_the_restart(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    settings = Settings(db_path=str(path))
    db = await Database.open(path)
    deps = await wire_deps(db, settings, lambda: FIXED_NOW)
    dispatcher = Dispatcher(build_registry(), deps)
    await create(dispatcher, "vote Vote")
    for member in ("M1", "M2"):
        await run_ok(dispatcher, identity(user_id=member), "/campaign join vote")
    await run_ok(dispatcher, ORGANIZER, f"/campaign remind vote {WHEN} Hearing tonight")
    assert await send_due_reminders(deps) == 0  # not due yet
    await db.close()  # the bot goes down; the reminder falls due meanwhile

    # Back up an hour after it was due: two processes on the file run their first pass.
    after = DUE + dt.timedelta(hours=1)
    first, second = await Database.open(path), await Database.open(path)
    try:
        one = await wire_deps(first, settings, lambda: after)
        two = await wire_deps(second, settings, lambda: after)
        passes = await asyncio.gather(send_due_reminders(one), send_due_reminders(two))
        assert sorted(passes) == [0, 1]
        assert await send_due_reminders(one) == 0
        messenger = Recording()
        one.messengers.register(messenger)
        report = await deliver_due(one, pace={})
        assert report.delivered == 2
        assert sorted(user for user, _ in messenger.sent) == ["M1", "M2"]
        assert "Hearing tonight" in messenger.sent[0][1]
        assert (await deliver_due(one, pace={})).delivered == 0
        listed = await run_ok(
            Dispatcher(build_registry(), one), ORGANIZER, "/campaign reminders vote"
        )
        assert "No reminder" in listed.text
    finally:
        await first.close()
        await second.close()


async def test_an_ended_campaign_closes_once_and_its_organizer_gets_the_summary(
    dispatcher: Dispatcher, deps: Deps
) -> None:
    await create(dispatcher, "vote Vote goal:10 ends:2026-11-30")
    for member in ("M1", "M2"):
        await run_ok(dispatcher, identity(user_id=member), "/campaign join vote")
    last_day = replace(deps, clock=lambda: dt.datetime(2026, 11, 30, 23, 0, tzinfo=dt.UTC))
    assert await close_ended_campaigns(last_day, summary_text) == 0  # its last day still counts
    after = replace(deps, clock=lambda: dt.datetime(2026, 12, 1, 0, 5, tzinfo=dt.UTC))
    assert await close_ended_campaigns(after, summary_text) == 1
    assert await close_ended_campaigns(after, summary_text) == 0
    messenger = Recording()
    deps.messengers.register(messenger)
    assert (await deliver_due(after, pace={})).delivered == 1
    [(to, text)] = messenger.sent
    assert to == ORGANIZER.user_id
    assert text == (
        "Vote (vote) ended on 2026-11-30 and closed on 2026-12-01: 2 signed up of a goal of 10"
        " (20%). The sign-ups: /campaign export vote"
    )
    info = await run_ok(Dispatcher(build_registry(), after), identity(), "/campaign info vote")
    assert "2026-12-01" in info.as_text()
    deliveries = await run_ok(dispatcher, ORGANIZER, "/campaign deliveries vote")
    assert deliveries.text == "0 announcements."  # the summary is not a message to members

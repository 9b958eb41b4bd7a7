from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
from dataclasses import replace

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.core.registry import AutocompleteContext
from commands.campaigns.report import safe_cell
from storage.db import Database
from tests.commands.campaigns.helpers import (
    ORGANIZER,
    create,
    run_error,
    run_ok,
    signup_count,
)
from tests.conftest import FIXED_NOW, identity


async def test_create_join_and_info(dispatcher: Dispatcher, deps: Deps, db: Database) -> None:
    reply = await create(dispatcher, 'ring-free "End the Ring partnership" 500 ends:2027-01-31')
    assert "End the Ring partnership" in reply.title
    joined = await run_ok(dispatcher, identity(), "/campaign join ring-free Greenfield, WI")
    assert "signed up for End the Ring partnership" in joined.text and joined.private
    info = await run_ok(dispatcher, identity(), "/campaign info ring-free")
    values = {f.name: f.value for f in info.fields}
    assert values["Signed up"] == "[....................] 0% (1 of 500)"
    assert values["Ends"] == "2027-01-31" and values["You"] == "signed up on 2026-11-26"
    row = await db.fetchone("SELECT display_name, city FROM signups")
    assert row is not None and tuple(row) == ("user U1", "Greenfield, WI")


async def test_joining_twice_counts_once(dispatcher: Dispatcher, deps: Deps, db: Database) -> None:
    await create(dispatcher, "twice Twice")
    await run_ok(dispatcher, identity(), "/campaign join twice")
    again = await run_ok(dispatcher, identity(), "/campaign join twice")
    assert again.text.startswith("You are already signed up for twice since 2026-11-26")
    assert await signup_count(db, "twice") == 1


async def test_leave_and_rejoin(dispatcher: Dispatcher, deps: Deps, db: Database) -> None:
    await create(dispatcher, "lr Leave-rejoin")
    await run_ok(dispatcher, identity(user_id="A"), "/campaign join lr Oakland")
    await run_ok(dispatcher, identity(user_id="B"), "/campaign join lr")
    left = await run_ok(dispatcher, identity(user_id="A"), "/campaign leave lr")
    assert "no longer count" in left.text
    assert await signup_count(db, "lr") == 1
    export = await run_ok(dispatcher, ORGANIZER, "/campaign export lr")
    assert export.file is not None and b"user A" not in export.file.content
    assert "not signed up" in await run_error(
        dispatcher, identity(user_id="A"), "/campaign leave lr"
    )
    await run_ok(dispatcher, identity(user_id="A"), "/campaign join lr")
    assert await signup_count(db, "lr") == 2
    export = await run_ok(dispatcher, ORGANIZER, "/campaign export lr")
    assert export.file is not None and b"user A" in export.file.content


async def test_workspaces_are_isolated(dispatcher: Dispatcher, deps: Deps, db: Database) -> None:
    other_org = identity(Role.ORGANIZER, user_id="U-org", workspace="W2")
    await create(dispatcher, 'same "In W1" 10')
    await create(dispatcher, 'same "In W2" 20', who=other_org)
    await create(dispatcher, "only-w1 Only")
    await run_ok(dispatcher, identity(), "/campaign join same")
    assert await signup_count(db, "same", "W1") == 1
    assert await signup_count(db, "same", "W2") == 0
    w2 = identity(workspace="W2")
    assert "No campaign called only-w1" in await run_error(dispatcher, w2, "/campaign join only-w1")
    listing = await run_ok(dispatcher, w2, "/campaign list")
    assert "In W2" in listing.text and "In W1" not in listing.text and "only-w1" not in listing.text
    ctx = AutocompleteContext("test", "W2", "U1")
    choices = await dispatcher.autocomplete("campaign", ctx, "")
    assert [c.value for c in choices] == ["same"]
    ctx1 = AutocompleteContext("test", "W1", "U1")
    assert [c.value for c in await dispatcher.autocomplete("campaign", ctx1, "only")] == ["only-w1"]


async def test_closed_and_ended_campaigns_refuse(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await create(dispatcher, "shut Shut")
    await run_ok(dispatcher, ORGANIZER, "/campaign close shut")
    text = await run_error(dispatcher, identity(), "/campaign join shut")
    assert "closed on 2026-11-26" in text and "no new sign-ups" in text
    assert "already closed" in await run_error(dispatcher, ORGANIZER, "/campaign close shut")
    await create(dispatcher, "soon Soon ends:2026-11-27")
    later = replace(deps, clock=lambda: FIXED_NOW + dt.timedelta(days=2))
    late = Dispatcher(dispatcher.registry, later)
    text = await run_error(late, identity(), "/campaign join soon")
    assert "ended on 2026-11-27" in text
    assert await signup_count(db, "shut") == 0 and await signup_count(db, "soon") == 0


async def test_bad_input_changes_nothing(dispatcher: Dispatcher, deps: Deps, db: Database) -> None:
    cases = {
        "/campaign join nope": "No campaign called nope",
        "/campaign join Bad_Slug!": "is not a campaign name",
        "/campaign info x": "is not a campaign name",
        "/campaign create ok-slug Title -5": "goal must be at least 1",
        "/campaign create ok-slug Title 0": "goal must be at least 1",
        "/campaign create ok-slug Title 10000001": "goal must be at most 10000000",
        "/campaign create ok-slug Title 99999999999999999999999": "goal must be at most",
        "/campaign create ok-slug Title ends:2020-01-01": "not in the future",
        "/campaign create ok-slug Title ends:2026-11-26": "not in the future",
        "/campaign create ok-slug Title ends:2027-02-30": "not a real calendar date",
        "/campaign create ok-slug Title ends:3026-01-01": "within 5 years",
        '/campaign create ok-slug "@everyone look"': "may not contain mentions",
        '/campaign create ok-slug "<!channel> look"': "may not contain mentions",
        "/campaign create ok-slug Title template:Bad/Name": "is not a template name",
        "/campaign create " + "a" * 41 + " Title": "slug is too long",
        "/campaign create ok-slug " + "t" * 121: "title is too long",
        "/campaign create ok-slug " + "t" * 10_000: "too long",
        '/campaign create ok-slug "Stop\u200bRing"': "invisible characters",
        '/campaign create ok-slug "Stop Ring\u2060"': "invisible characters",
        '/campaign create ok-slug "Stop\u200dRing"': "invisible characters",
        '/campaign create ok-slug "Stop Ring\u3164"': "invisible characters",
    }
    for line, expected in cases.items():
        assert expected in await run_error(dispatcher, ORGANIZER, line), line
    # The Discord path hands options over already split: the caps hold there too.
    command = dispatcher.registry.get(("campaign", "create"))
    assert command is not None
    reply = await dispatcher.run_options(ORGANIZER, command, {"slug": "ok", "title": "t" * 10_000})
    assert reply.error and "title is too long" in reply.text
    row = await db.fetchone("SELECT count(*) FROM campaigns")
    assert row is not None and row[0] == 0
    await create(dispatcher, "dup Dup")
    assert "already exists" in await run_error(dispatcher, ORGANIZER, "/campaign create dup Again")
    assert "for organizers only" in await run_error(dispatcher, identity(), "/campaign create x1 X")
    assert "organizers only" in await run_error(dispatcher, identity(), "/campaign export dup")
    text = await run_error(dispatcher, identity(), '/campaign join dup "@here hi"')
    assert "may not contain mentions" in text and await signup_count(db, "dup") == 0


async def test_stats_progress_and_days(dispatcher: Dispatcher, deps: Deps) -> None:
    await create(dispatcher, "st Stats 4")
    for user in ("A", "B", "C"):
        await run_ok(dispatcher, identity(user_id=user), "/campaign join st")
    tomorrow = replace(deps, clock=lambda: FIXED_NOW + dt.timedelta(days=1))
    await run_ok(
        Dispatcher(dispatcher.registry, tomorrow), identity(user_id="D"), "/campaign join st"
    )
    await run_ok(
        Dispatcher(dispatcher.registry, tomorrow), identity(user_id="E"), "/campaign join st"
    )
    stats = await run_ok(dispatcher, identity(), "/campaign stats st")
    values = {f.name.split(" (")[0]: f.value for f in stats.fields}
    assert stats.title == "Stats: 5 signed up"
    assert values["Progress"] == "[####################] 125% (5 of 4)"
    assert values["Sign-ups by day"] == "2026-11-27: 2\n2026-11-26: 3"


async def test_export_is_minimal_and_formula_safe(dispatcher: Dispatcher) -> None:
    await create(dispatcher, "ex Export")
    evil = replace(identity(user_id="E"), user_name="=HYPERLINK(1)")
    await run_ok(dispatcher, evil, "/campaign join ex -2+3")
    await run_ok(dispatcher, identity(user_id="F"), '/campaign join ex "Springfield, IL"')
    reply = await run_ok(dispatcher, ORGANIZER, "/campaign export ex")
    assert reply.file is not None and reply.file.mime == "text/csv" and reply.private
    rows = list(csv.reader(io.StringIO(reply.file.content.decode("utf-8-sig"))))
    assert rows == [
        ["name", "city", "signed_up_on"],
        ["'=HYPERLINK(1)", "'-2+3", "2026-11-26"],
        ["user F", "Springfield, IL", "2026-11-26"],
    ]


async def test_concurrent_close_and_join_never_join_a_closed_campaign(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await create(dispatcher, "race Race")
    replies = await asyncio.gather(
        *(dispatcher.run_text(identity(user_id=f"R{i}"), "/campaign join race") for i in range(50)),
        dispatcher.run_text(ORGANIZER, "/campaign close race"),
    )
    joined = sum(1 for r in replies[:-1] if not r.error)
    assert not replies[-1].error
    assert await signup_count(db, "race") == joined


def test_export_cells_that_a_spreadsheet_would_run_are_quoted() -> None:
    for risky in ("=1+1", "+1", "-1", "@SUM(A1)", ";cmd", "\t=cmd|' /C calc'!A0", " =1+1"):
        assert safe_cell(risky) == "'" + risky, risky
    for plain in ("Springfield, IL", "O'Brien", "", "a=b", "user 1"):
        assert safe_cell(plain) == plain


async def test_export_quotes_a_semicolon_led_name(dispatcher: Dispatcher) -> None:
    await create(dispatcher, "semi Semi")
    evil = replace(identity(user_id="S"), user_name=';=HYPERLINK("x")')
    await run_ok(dispatcher, evil, "/campaign join semi")
    reply = await run_ok(dispatcher, ORGANIZER, "/campaign export semi")
    assert reply.file is not None
    rows = list(csv.reader(io.StringIO(reply.file.content.decode("utf-8-sig"))))
    assert rows[1][0] == '\';=HYPERLINK("x")'

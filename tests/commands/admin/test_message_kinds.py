"""The outbox carries two kinds of message: /mydata, /forgetme and /facts outbox name each
as what it is (a campaign announcement is not a follow notification) and count them apart."""

from __future__ import annotations

import re

from bot.core.dispatch import Dispatcher
from bot.core.models import Reply, Role
from storage.db import Database
from tests.commands.test_privacy import traces
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
ORGANIZER = identity(Role.ORGANIZER, user_id="organizer-O1")
ALICE = identity(Role.MEMBER, user_id="alice")
GREENFIELD_PD = '"Greenfield Police Department, WI"'


async def ok(disp: Dispatcher, who: object, line: str) -> Reply:
    reply = await disp.run_text(who, line)  # type: ignore[arg-type]
    assert not reply.error, reply.text
    return reply


async def queue_one_of_each(disp: Dispatcher) -> None:
    """One follow notification and one campaign announcement, both waiting for Alice."""
    await ok(disp, ALICE, "/follow Greenfield, WI")
    await ok(disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-01-31 https://ex.org/e")
    await ok(disp, ORGANIZER, '/campaign create vote "Vote no on Ring"')
    await ok(disp, ALICE, "/campaign join vote")
    preview = await ok(disp, ORGANIZER, "/campaign announce vote Meeting on Monday")
    code = preview.text.split("confirm:")[1].split()[0]
    await ok(disp, ORGANIZER, f"/campaign announce vote Meeting on Monday confirm:{code}")


async def test_mydata_and_forgetme_name_each_kind(disp: Dispatcher) -> None:
    await queue_one_of_each(disp)
    fields = {f.name: f.value for f in (await ok(disp, ALICE, "/mydata")).fields}
    assert fields["Places you follow"].endswith("\n1 follow notification addressed to you")
    assert fields["Campaign messages to you"] == (
        "1 campaign message from its organizers addressed to you (1 not yet delivered)"
    )
    preview = await ok(disp, ALICE, "/forgetme")
    shown = {f.name: f.value for f in preview.fields}
    assert shown["Campaign messages to you"] == fields["Campaign messages to you"]
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0]
    done = await ok(disp, ALICE, f"/forgetme {code}")
    # The follow and its notification; the announcement; the sign-up.
    assert "Places you follow: 2" in done.text
    assert "Campaign messages to you: 1" in done.text
    assert "Campaign sign-ups: 1" in done.text
    assert "holds nothing" in (await ok(disp, ALICE, "/mydata")).text


async def test_the_outbox_counts_and_lists_each_kind(disp: Dispatcher) -> None:
    await queue_one_of_each(disp)
    text = (await ok(disp, ADMIN, "/facts outbox")).text
    lines = text.splitlines()
    assert lines[0].startswith("Follow notifications: pending 1 (failing 0); delivered 0;")
    assert lines[1].startswith("Campaign messages: pending 1 (failing 0); delivered 0; given up 0")
    items = [line for line in lines if re.match(r"N\d+, ", line)]
    assert len(items) == 2
    assert sum(", follow notification (C" in line for line in items) == 1
    assert sum(", campaign message, to test:alice" in line for line in items) == 1


async def test_an_organizer_s_announcements_are_shown_and_their_id_erased(
    disp: Dispatcher, db: Database
) -> None:
    await queue_one_of_each(disp)
    fields = {f.name: f.value for f in (await ok(disp, ORGANIZER, "/mydata")).fields}
    assert fields["Campaign announcements you sent"] == (
        "1 announcement to the members of vote in workspace W1, the last on 2026-11-26"
    )
    preview = await ok(disp, ORGANIZER, "/forgetme")
    assert "Announcements you sent stay counted" in preview.text
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0]
    done = await ok(disp, ORGANIZER, f"/forgetme {code}")
    assert "Campaign announcements you sent: 1" in done.text
    assert await traces(db, "organizer-O1") == []  # nowhere in the database any more
    row = await db.fetchone("SELECT COUNT(*) FROM campaign_announcements")
    assert row is not None and row[0] == 1  # the announcement itself stays, counted

"""/mydata and /forgetme over the audit log: refusals go, changes stay with a marker."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Reply, Role
from lexicon.stored import say
from storage import audit
from storage.db import Database
from tests.commands.admin.conftest import count
from tests.commands.test_privacy import traces
from tests.conftest import identity

SECRET = "Zelda Quux-Private"
ZELDA_ID = "U-zelda-77"
OTHER_ADMIN = identity(Role.ADMIN, user_id="A2")
GREENFIELD = '"Greenfield Police Department, WI"'


def zelda(role: Role) -> Identity:
    return replace(identity(role, user_id=ZELDA_ID), user_name=SECRET)


async def run(disp: Dispatcher, who: Identity, line: str) -> Reply:
    reply = await disp.run_text(who, line)
    assert not reply.error, reply.text
    return reply


async def history_of_zelda(disp: Dispatcher) -> None:
    """C1 refused (as a member), C2 and C3 hers (as an admin), C4 and C5 another admin's."""
    refused = await disp.run_text(zelda(Role.MEMBER), "/facts remove D1 https://ex.org/x")
    assert refused.error
    admin = zelda(Role.ADMIN)
    await run(disp, admin, '/facts add-law "Oakland, CA" ban 2019-07-16 in-force https://ex.org/o')
    await run(disp, admin, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/s")
    await run(
        disp, OTHER_ADMIN, "/facts add-event aws 2021-05-18 extension Longer https://ex.org/e"
    )
    # Another admin removes her law: the removal's "before" carries her id in `origin`.
    await run(disp, OTHER_ADMIN, "/facts remove L1 https://ex.org/wrong")


def section(reply: Reply, name: str) -> str:
    return next(f.value for f in reply.fields if f.name == name)


async def test_mydata_shows_every_audit_record_naming_the_caller(disp: Dispatcher) -> None:
    await history_of_zelda(disp)
    reply = await run(disp, zelda(Role.MEMBER), "/mydata")
    refusals = section(reply, "Refused attempts (commands run without the role for them)")
    assert len(refusals.splitlines()) == 1
    refusals_lines = refusals.splitlines()
    assert refusals_lines[0].startswith("R1 · 2026-11-26 12:00 UTC: you ran /facts remove")
    assert f'recorded as "{SECRET}" in workspace W1' in refusals_lines[0]
    changes = section(reply, "Fact changes you made (audit log)").splitlines()
    # A refusal has its own numbering: the first change is C1.
    assert [line.split(" ", 1)[0] for line in changes[:2]] == ["C1", "C2"]
    assert "/facts add-law: Oakland, CA: ban of 2019-07-16" in changes[0]
    assert changes[2] == f"1 fact names you as the admin who entered them (admin:test:{ZELDA_ID})"
    assert len(changes) == 3  # C3 and C4 are another admin's
    other = await run(disp, OTHER_ADMIN, "/mydata")
    assert "C3" in section(other, "Fact changes you made (audit log)")
    assert "Zelda" not in other.as_text()


async def test_forgetme_deletes_refusals_and_keeps_changes_under_a_marker(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await history_of_zelda(disp)
    me = zelda(Role.MEMBER)
    assert await traces(db, ZELDA_ID, SECRET)
    preview = await run(disp, me, "/forgetme")
    assert "replaced by 'erased user #<change id>'" in preview.text
    assert "Refused attempts are deleted entirely." in preview.text
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0]
    done = await run(disp, me, f"/forgetme {code}")
    assert "Refused attempts (commands run without the role for them): 1" in done.text
    assert await traces(db, ZELDA_ID, SECRET) == []
    assert await audit.refusals_by(db, "test", ZELDA_ID) == []
    kept = [await audit.get_change(db, n) for n in (1, 2)]
    assert [(c.author.user_name, c.author.user_id) for c in kept if c] == [
        ("erased user #1", ""),
        ("erased user #2", ""),
    ]
    assert kept[0] is not None and kept[0].source_url == "https://ex.org/o"
    assert say(kept[0].summary) == "Oakland, CA: ban of 2019-07-16, in-force"
    others = await audit.get_change(db, 3)
    assert others is not None and others.author.user_name == "user A2"
    history = (await run(disp, OTHER_ADMIN, "/facts history")).text
    assert "erased user #2 · /facts set-partnership" in history and "(test:A2)" in history
    assert "holds nothing" in (await run(disp, me, "/mydata")).text


async def test_changes_of_an_erased_admin_can_still_be_undone(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await history_of_zelda(disp)
    me = zelda(Role.MEMBER)
    preview = await run(disp, me, "/forgetme")
    await run(disp, me, "/forgetme " + re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0])
    # The removed law comes back with the rewritten origin the removal's snapshot now holds.
    await run(disp, OTHER_ADMIN, "/facts undo C4")
    row = await db.fetchone("SELECT origin FROM laws WHERE id = 1")
    assert row is not None and row["origin"] == "admin:erased"
    await run(disp, OTHER_ADMIN, "/facts undo C2")
    await run(disp, OTHER_ADMIN, "/facts undo C1")
    assert await count(db, "SELECT COUNT(*) FROM laws") == 0
    row = await db.fetchone("SELECT started FROM deployments WHERE id = 1")
    assert row is not None and row["started"] == "2019-05-14"
    assert await traces(db, ZELDA_ID, SECRET) == []

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from storage.db import Database
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok
from tests.conftest import identity
from tests.db_tables import table_columns

SECRET_NAME = "Zelda Quux-Private"
ME = replace(identity(user_id="U-zelda-77"), user_name=SECRET_NAME)


async def traces(db: Database, *needles: str) -> list[str]:
    """Every (table, column) whose text holds one of `needles`: the whole database."""
    found = []
    for table, columns in (await table_columns(db)).items():
        for column in columns:
            for needle in needles:
                row = await db.fetchone(
                    f'SELECT count(*) FROM "{table}" WHERE instr(CAST("{column}" AS TEXT), ?) > 0',
                    (needle,),
                )
                if row is not None and row[0]:
                    found.append(f"{table}.{column}")
    return found


async def setup_member(dispatcher: Dispatcher) -> None:
    await create(dispatcher, "one First")
    await create(dispatcher, "two Second")
    await run_ok(dispatcher, ME, "/campaign join one Springfield")
    await run_ok(dispatcher, ME, "/campaign join two")
    await run_ok(dispatcher, identity(user_id="U-other"), "/campaign join one")


async def test_mydata_shows_everything_held(dispatcher: Dispatcher) -> None:
    empty = await run_ok(dispatcher, ME, "/mydata")
    assert "holds nothing about you" in empty.text and empty.private
    await setup_member(dispatcher)
    reply = await run_ok(dispatcher, ME, "/mydata")
    assert "U-zelda-77" in reply.text and reply.private
    (section,) = reply.fields
    assert section.name == "Campaign sign-ups"
    lines = section.value.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("one (First) in workspace W1: signed up 2026-11-26T12:00:00Z")
    assert f'as "{SECRET_NAME}", city "Springfield"' in lines[0]
    assert lines[1].endswith("no city") and "U-other" not in section.value


async def test_forgetme_needs_confirmation_then_leaves_no_trace(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await setup_member(dispatcher)
    assert await traces(db, ME.user_id, SECRET_NAME)
    preview = await run_ok(dispatcher, ME, "/forgetme")
    assert "Nothing has been erased" in preview.text and "Springfield" in preview.fields[0].value
    match = re.search(r"/forgetme ([0-9a-f]{8})", preview.text)
    assert match is not None
    wrong = await run_error(dispatcher, ME, "/forgetme 00000000")
    assert "Nothing was erased" in wrong
    # Someone else cannot use my code to erase my data: the code is bound to the caller.
    other = identity(user_id="U-other")
    assert "does not match" in await run_error(dispatcher, other, f"/forgetme {match.group(1)}")
    assert await traces(db, ME.user_id, SECRET_NAME)
    done = await run_ok(dispatcher, ME, f"/forgetme {match.group(1)}")
    assert "Erased everything" in done.text and "Campaign sign-ups: 2" in done.text
    assert await traces(db, ME.user_id, SECRET_NAME) == []
    export = await run_ok(dispatcher, ORGANIZER, "/campaign export one")
    assert export.file is not None
    assert SECRET_NAME.encode() not in export.file.content
    assert b"Springfield" not in export.file.content and b"user U-other" in export.file.content
    stats = await run_ok(dispatcher, ORGANIZER, "/campaign stats one")
    assert stats.title.endswith(": 1 signed up")
    assert "holds nothing" in (await run_ok(dispatcher, ME, "/mydata")).text


async def test_a_code_goes_stale_when_the_data_changes(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await setup_member(dispatcher)
    preview = await run_ok(dispatcher, ME, "/forgetme")
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0]
    await run_ok(dispatcher, ME, "/campaign leave two")
    assert "does not match" in await run_error(dispatcher, ME, f"/forgetme {code}")
    assert await traces(db, SECRET_NAME)


async def test_a_refused_admin_attempt_is_shown_and_erased(deps: Deps, db: Database) -> None:
    recording = Dispatcher(build_registry(), deps, on_refusal=refusal_recorder(deps))
    refused = await recording.run_text(ME, "/facts remove D1 https://example.org/x")
    assert refused.error
    assert await traces(db, ME.user_id, SECRET_NAME) == [
        "refusals.user_id",
        "refusals.user_name",
    ]
    mine = await run_ok(recording, ME, "/mydata")
    (section,) = mine.fields
    assert section.name == "Refused attempts (commands run without the role for them)"
    assert "/facts remove" in section.value and SECRET_NAME in section.value
    preview = await run_ok(recording, ME, "/forgetme")
    assert "Refused attempts are deleted entirely." in preview.text
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0]
    await run_ok(recording, ME, f"/forgetme {code}")
    assert await traces(db, ME.user_id, SECRET_NAME) == []

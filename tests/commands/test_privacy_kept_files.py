"""Exports and petitions the console saved under counterwatch-out/ name their signers:
/forgetme lists the files that name the member, deletes them, and says which it deleted."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.kept_files import INDEX_NAME, KeptFiles, person_digest
from bot.platforms import console
from tests.commands.campaigns.helpers import ORGANIZER, create, run_ok
from tests.conftest import identity

SECRET_NAME = "Zelda Quux-Private"
ME = replace(identity(user_id="U-zelda-77"), user_name=SECRET_NAME)
OTHER = identity(user_id="U-other")


async def saved(dispatcher: Dispatcher, line: str, out: Path) -> Path:
    """Run `line` as the organizer and save its file as the console does."""
    reply = await run_ok(dispatcher, ORGANIZER, line)
    assert reply.file is not None
    shown = console.render(reply, output_dir=out)
    path = out / reply.file.filename
    assert f"[saved {path} " in shown and "/forgetme by any of them deletes it" in shown
    return path


@pytest.mark.sqlite_only("the files the console keeps do not depend on the database")
async def test_forgetme_deletes_the_saved_files_that_name_the_member(
    dispatcher: Dispatcher, deps: Deps, tmp_path: Path
) -> None:
    out = tmp_path / "counterwatch-out"
    deps.services.add(KeptFiles(out))
    await create(dispatcher, "one First")
    await create(dispatcher, "two Second")
    await run_ok(dispatcher, ME, "/campaign join one Springfield")
    await run_ok(dispatcher, OTHER, "/campaign join one")
    await run_ok(dispatcher, OTHER, "/campaign join two")
    export = await saved(dispatcher, "/campaign export one", out)
    petition = await saved(dispatcher, "/campaign petition one", out)
    others_only = await saved(dispatcher, "/campaign export two", out)
    assert SECRET_NAME.encode() in export.read_bytes()
    # The index beside the files holds digests, never the ids themselves.
    assert ME.user_id not in (out / INDEX_NAME).read_text()

    preview = await run_ok(dispatcher, ME, "/forgetme")
    files = {f.name: f.value for f in preview.fields}[
        "Files saved on the bot's machine that name you"
    ]
    assert files.splitlines() == sorted([str(export), str(petition)])
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0]
    done = await run_ok(dispatcher, ME, f"/forgetme {code}")

    assert "Files saved on the bot's machine that name you: 2" in done.text
    assert str(export) in done.text and str(petition) in done.text
    assert not export.exists() and not petition.exists() and others_only.exists()
    assert person_digest("test", ME.user_id) not in (out / INDEX_NAME).read_text()
    assert person_digest("test", OTHER.user_id) in (out / INDEX_NAME).read_text()
    assert "holds nothing" in (await run_ok(dispatcher, ME, "/mydata")).text
    again = await saved(dispatcher, "/campaign export one", out)  # the organizer exports anew
    assert SECRET_NAME.encode() not in again.read_bytes() and b"user U-other" in again.read_bytes()


@pytest.mark.sqlite_only("the files the console keeps do not depend on the database")
async def test_a_file_naming_only_the_member_is_reason_enough_to_ask(
    dispatcher: Dispatcher, deps: Deps, tmp_path: Path
) -> None:
    """A member who left the campaign is no longer in the database, but an export made
    while they were still in it names them: /forgetme still has something to erase."""
    out = tmp_path / "counterwatch-out"
    deps.services.add(KeptFiles(out))
    await create(dispatcher, "one First")
    await run_ok(dispatcher, ME, "/campaign join one")
    export = await saved(dispatcher, "/campaign export one", out)
    await run_ok(dispatcher, ME, "/campaign leave one")
    preview = await run_ok(dispatcher, ME, "/forgetme")
    assert [f.name for f in preview.fields] == ["Files saved on the bot's machine that name you"]
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0]
    await run_ok(dispatcher, ME, f"/forgetme {code}")
    assert not export.exists()

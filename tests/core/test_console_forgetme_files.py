"""The app as main.py wires it (`main.py ask` and the console): an export saved under
./counterwatch-out/ is found and deleted by the /forgetme of a member it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.dispatch import Identity
from bot.core.models import Role
from bot.core.settings import Settings
from bot.platforms import console
from wiring import open_app


async def test_the_wired_app_deletes_the_saved_export_that_names_the_member(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # counterwatch-out/ is relative to where the bot runs
    organizer = console.console_identity(Role.ORGANIZER, "Olga")
    member = console.console_identity(Role.MEMBER, "Mona Secretname")
    async with open_app(Settings(db_path=str(tmp_path / "app.db"))) as app:

        async def ask(who: Identity, line: str) -> str:
            reply = await console.ask(app.dispatcher, who, line)
            assert not reply.error, reply.text
            return console.render(reply)

        await ask(organizer, '/campaign create drive "Drive"')
        await ask(member, "/campaign join drive")
        shown = await ask(organizer, "/campaign export drive")
        [saved] = list((tmp_path / "counterwatch-out").glob("drive-signups-*.csv"))
        assert b"Mona Secretname" in saved.read_bytes()
        assert "/forgetme by any of them deletes it" in shown
        preview = await ask(member, "/forgetme")
        assert f"counterwatch-out/{saved.name}" in preview
        code = re.findall(r"/forgetme ([0-9a-f]{8})", preview)[0]
        done = await ask(member, f"/forgetme {code}")
    assert "Files saved on the bot's machine that name you: 1" in done
    assert not saved.exists()

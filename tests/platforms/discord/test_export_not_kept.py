"""An export sent on Discord is uploaded from memory: the bot's disk keeps no copy naming the
signers (the console, which has no upload, saves one: tests/core/test_console_forgetme_files.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.test_feature_commands import MEMBER, ORGANIZER
from tests.platforms.discord.wire import final_message


def files_under(folder: Path) -> list[str]:
    return sorted(str(Path(root, name)) for root, _, names in os.walk(folder) for name in names)


async def test_an_export_leaves_no_file_on_the_bots_disk(
    bot: RunningBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)  # where the console would save counterwatch-out/
    create = await bot.fake.send_interaction(
        "/campaign create", {"slug": "sent", "title": "Sent"}, ORGANIZER
    )
    await final_message(bot.fake, create)
    join = await bot.fake.send_interaction("/campaign join", {"slug": "sent"}, MEMBER)
    await final_message(bot.fake, join)
    export = await bot.fake.send_interaction("/campaign export", {"slug": "sent"}, ORGANIZER)
    _, received = await final_message(bot.fake, export)
    ((name, content),) = received.files.values()
    assert name.startswith("sent-signups-") and b"Ada" in content
    assert files_under(workdir) == []

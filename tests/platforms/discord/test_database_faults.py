"""A database fault over Discord (the fake gateway and REST API): a full disk (SQLite) or a
stopped server (PostgreSQL). Look-ups from memory answer; a write answers one line and saves
nothing (not an incident); once the fault ends, the same write goes through."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.settings import Settings
from places.index import place_index
from storage.errors import UNAVAILABLE_MESSAGE
from testkit.fake_discord import FakeDiscord, Invoker, payloads
from tests.conftest import FIXED_NOW
from tests.db_faults import Fault, faulty, own_cluster  # noqa: F401 (fixtures)
from tests.platforms.discord.conftest import RunningBot, running_bot
from tests.platforms.discord.wire import final_message, is_ephemeral, message_data, visible_text
from wiring import wire_deps

ORGANIZER = Invoker(user_id="600000000000000002", roles=(payloads.ORGANIZER_ROLE_ID,))
MEMBER = Invoker(user_id="600000000000000011", name="ada")


@pytest.fixture
async def discord_on(
    faulty: Fault,  # noqa: F811 (the fixture imported above)
    fake: FakeDiscord,
    tmp_path: Path,
) -> AsyncIterator[RunningBot]:
    db = faulty.db  # with the seed and the Atlas (the test's `real_data` marker)
    deps = await wire_deps(db, Settings(db_path=str(tmp_path / "unused.db")), lambda: FIXED_NOW)
    await place_index(deps).reload()
    async with running_bot(fake, deps, tmp_path) as bot:
        created = await ask(bot, "/campaign create", {"slug": "ring-free", "title": "Ring-free"})
        assert "ring-free" in created
        yield bot


async def ask(
    bot: RunningBot, path: str, values: dict[str, object], who: Invoker = ORGANIZER
) -> str:
    sent = await bot.fake.send_interaction(path, values, who)
    _, received = await final_message(bot.fake, sent)
    return visible_text(message_data(received))


@pytest.mark.real_data("seed", "atlas")  # `faulty` opens the database with them
async def test_lookups_answer_and_writes_say_so_in_one_line(
    faulty: Fault,  # noqa: F811
    discord_on: RunningBot,
) -> None:
    bot = discord_on
    await faulty.start()

    lookup = await ask(bot, "/ring lookup", {"place": "Greenfield, WI"}, MEMBER)
    assert "Greenfield" in lookup and "2020-10-07" in lookup

    sent = await bot.fake.send_interaction("/campaign join", {"slug": "ring-free"}, MEMBER)
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert visible_text(data).strip() == UNAVAILABLE_MESSAGE and is_ephemeral(data)

    await faulty.end()
    joined = await ask(bot, "/campaign join", {"slug": "ring-free"}, MEMBER)
    assert "ring-free" in joined and UNAVAILABLE_MESSAGE not in joined
    assert "Something went wrong" not in joined

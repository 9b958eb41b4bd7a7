"""Who may change the shared facts, over the wire (unmodified discord.py, the fake Discord).

Anyone can add the bot to a server of their own and hold Manage Server there. Facts are
shared by every server, so only the operator's home server's admins (and people listed by
id) may change them; elsewhere an admin runs their own server's campaigns only. Facts
admins see other servers' people in the history and outbox as "someone in another workspace".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.deps import Deps
from bot.core.refusals import FACTS_ADMINS_ONLY
from storage.sql import Db
from testkit.fake_discord import FakeDiscord, Invoker, payloads
from tests.platforms.discord.conftest import RunningBot, running_bot
from tests.platforms.discord.wire import final_message, is_ephemeral, message_data, visible_text

ELSEWHERE = payloads.UNCACHED_GUILD_ID  # a server someone else added the bot to
ADMINISTRATOR = 1 << 3
HOME_ADMIN = Invoker(user_id="600000000000000031", name="steward", roles=(payloads.ADMIN_ROLE_ID,))
HOME_MANAGER = Invoker(
    user_id="600000000000000032", name="manager", permissions=payloads.MANAGE_GUILD
)
MANAGER_ELSEWHERE = Invoker(
    user_id="600000000000000033",
    name="mallory",
    permissions=payloads.MANAGE_GUILD,
    guild_id=ELSEWHERE,
)
OWNER_ELSEWHERE = Invoker(
    user_id="600000000000000034", name="oscar", permissions=ADMINISTRATOR, guild_id=ELSEWHERE
)
LISTED = Invoker(user_id="600000000000000035", name="listed", guild_id=ELSEWHERE)
THIRD = "800000000000000003"
MANAGER_THIRD = Invoker(
    user_id="600000000000000037", name="rex", permissions=payloads.MANAGE_GUILD, guild_id=THIRD
)
FOLLOWER_THIRD = Invoker(user_id="600000000000000036", name="fiona", guild_id=THIRD)

PARTNERSHIP: dict[str, object] = {
    "agency": "Smalltown Police Department",
    "since": "2021-03-01",
    "source": "https://example.org/story",
    "create": "yes",
    "state": "WI",
    "city": "Smalltown",
}


async def said(bot: RunningBot, path: str, values: dict[str, Any], who: Invoker) -> str:
    sent = await bot.fake.send_interaction(path, values, who)
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert is_ephemeral(data) or not path.startswith("/facts"), path  # /facts is private
    return visible_text(data)


async def count(db: Db, sql: str) -> int:
    row = await db.fetchone(sql)
    assert row is not None
    return int(row[0])


async def test_admins_of_other_servers_are_refused_the_shared_facts(
    fake: FakeDiscord, deps: Deps, db: Db, tmp_path: Path
) -> None:
    refused = FACTS_ADMINS_ONLY.format(name="facts set-partnership").strip()
    async with running_bot(fake, deps, tmp_path, guild=False) as bot:
        for outsider in (MANAGER_ELSEWHERE, OWNER_ELSEWHERE):
            text = await said(bot, "/facts set-partnership", PARTNERSHIP, outsider)
            assert text.strip() == refused, outsider.name
        assert await count(db, "SELECT COUNT(*) FROM changes") == 0
        # Recorded: who tried which command, never what they typed.
        rows = await db.fetchall("SELECT user_id, command, user_name FROM refusals ORDER BY id")
        assert [tuple(r) for r in rows] == [
            (MANAGER_ELSEWHERE.user_id, "facts set-partnership", "Mallory"),
            (OWNER_ELSEWHERE.user_id, "facts set-partnership", "Oscar"),
        ]
        everything = " ".join(
            str(v) for r in await db.fetchall("SELECT * FROM refusals") for v in r
        )
        assert "Smalltown" not in everything and "example.org" not in everything
        # Their own server's campaigns stay theirs to run.
        made = await said(
            bot, "/campaign create", {"slug": "own-one", "title": "Ours"}, MANAGER_ELSEWHERE
        )
        assert "own-one" in made and "only" not in made
        # The home server's admins, by role or by Manage Server, change the facts.
        done = await said(bot, "/facts set-partnership", PARTNERSHIP, HOME_ADMIN)
        assert "Change C1 recorded" in done, done
        undone = await said(bot, "/facts undo", {"change": "C1"}, HOME_MANAGER)
        assert "Undid C1" in undone, undone
    assert await count(db, "SELECT COUNT(*) FROM changes") == 2


async def test_a_listed_user_id_is_a_facts_admin_in_any_server(
    fake: FakeDiscord, deps: Deps, db: Db, tmp_path: Path
) -> None:
    listed = frozenset({f"discord:{LISTED.user_id}"})
    async with running_bot(fake, deps, tmp_path, guild=False, facts_admins=listed) as bot:
        done = await said(bot, "/facts set-partnership", PARTNERSHIP, LISTED)
        assert "Change C1 recorded" in done, done
        # ... and no more than that: a member of that server stays a member there.
        campaign = await said(bot, "/campaign create", {"slug": "no-way", "title": "X"}, LISTED)
        assert campaign.strip() == "/campaign create is for organizers only."


async def test_history_and_outbox_show_other_servers_people_as_someone_elsewhere(
    fake: FakeDiscord, deps: Deps, db: Db, tmp_path: Path
) -> None:
    # Two home servers (the operator's own, and ELSEWHERE); THIRD is someone else's.
    homes = frozenset({payloads.GUILD_ID, ELSEWHERE})
    async with running_bot(fake, deps, tmp_path, guild=False, discord_home_guild_ids=homes) as bot:
        await said(bot, "/facts set-partnership", PARTNERSHIP, HOME_ADMIN)  # C1, Smalltown
        removal = {"fact": "D1", "source": "https://example.org/gone"}
        await said(bot, "/facts remove", removal, MANAGER_THIRD)  # refused: R1
        follows = await bot.fake.send_interaction(
            "/follow", {"place": "Smalltown, WI"}, FOLLOWER_THIRD
        )
        assert "Smalltown" in visible_text(message_data((await final_message(fake, follows))[1]))
        changed = {**PARTNERSHIP, "since": "2021-04-01", "create": "no"}
        await said(bot, "/facts set-partnership", changed, HOME_ADMIN)  # C2, queues fiona's DM

        second = await said(bot, "/facts history", {}, MANAGER_ELSEWHERE)  # the other home
        assert "C2 · 2026-11-26 12:00 UTC · someone in another workspace" in second
        assert "steward" not in second.lower() and HOME_ADMIN.user_id not in second
        assert "someone in another workspace · /facts remove" in second
        assert "rex" not in second.lower() and MANAGER_THIRD.user_id not in second

        ours = await said(bot, "/facts history", {}, HOME_ADMIN)
        assert f"Steward (discord:{HOME_ADMIN.user_id})" in ours
        assert "R1" in ours and "someone in another workspace · /facts remove" in ours
        assert "rex" not in ours.lower() and MANAGER_THIRD.user_id not in ours

        outbox = await said(bot, "/facts outbox", {}, HOME_ADMIN)
        assert (
            "Follow notifications: pending 1" in outbox
            and "to someone in another workspace" in outbox
        )
        assert FOLLOWER_THIRD.user_id not in outbox and "fiona" not in outbox.lower()
        # The third server's admin reads neither.
        for path in ("/facts history", "/facts outbox"):
            refused = await said(bot, path, {}, MANAGER_THIRD)
            assert refused.strip() == FACTS_ADMINS_ONLY.format(name=path[1:]).strip()

"""Interaction behaviours over the wire: acks, privacy, roles, mentions, long replies, files."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.deps import Deps
from bot.platforms.discord import handling, limits
from bot.platforms.discord.render import FULL_REPLY_FILENAME
from testkit.fake_discord import FakeDiscord, Invoker, payloads
from tests.platforms.discord.conftest import LONG_LINES, RunningBot, running_bot
from tests.platforms.discord.wire import (
    AUTOCOMPLETE_RESULT,
    DEFERRED,
    INCIDENT_WORDS,
    MESSAGE,
    final_message,
    is_ephemeral,
    message_data,
    pings_nobody,
    visible_text,
)

MEMBER = Invoker()
ORGANIZER = Invoker(user_id="600000000000000002", roles=(payloads.ORGANIZER_ROLE_ID,))
ADMIN_BY_ROLE = Invoker(user_id="600000000000000003", roles=(payloads.ADMIN_ROLE_ID,))
ADMIN_BY_PERMISSION = Invoker(user_id="600000000000000004", permissions=payloads.MANAGE_GUILD)
IN_DM = Invoker(user_id="600000000000000005", in_guild=False)


async def test_public_reply_is_a_direct_message_response(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/probe echo", {"words": "hello there"})
    kind, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert kind == MESSAGE
    assert data["content"] == "You said: hello there"
    assert not is_ephemeral(data)


async def test_private_command_is_ephemeral(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/help", {"command": "ring lookup"})
    kind, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert kind == MESSAGE and is_ephemeral(data)
    assert "/ring lookup" in visible_text(data)


async def test_everyone_here_role_and_user_mentions_ping_nobody(bot: RunningBot) -> None:
    words = "@everyone @here <@&820000000000000001> <@600000000000000002> look"
    sent = await bot.fake.send_interaction("/probe echo", {"words": words}, MEMBER)
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    # The text is shown as typed, but Discord is told to resolve no mention at all.
    assert data["content"] == f"You said: {words}"
    assert data["allowed_mentions"] == {"parse": []}


async def test_slow_command_is_deferred_then_followed_up(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/probe slow")
    callback = await bot.fake.callback(sent)
    assert callback.body == {"type": DEFERRED, "data": {"flags": 64}}  # private: ephemeral defer
    assert not bot.slow_release.is_set()  # acknowledged before the handler could finish
    bot.slow_release.set()
    followup = await bot.fake.followup(sent)
    assert followup.body["content"] == "slow work done"
    assert is_ephemeral(followup.body) and pings_nobody(followup.body)


async def test_member_is_refused_an_organizer_command_privately(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/probe organize", {}, MEMBER)
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert is_ephemeral(data)
    assert data["content"] == "/probe organize is for organizers only."


async def test_roles_come_from_configured_role_ids_and_manage_server(bot: RunningBot) -> None:
    cases = [
        ("/probe organize", ORGANIZER, "organizer work"),
        ("/probe wipe", ORGANIZER, "/probe wipe is for admins only."),
        ("/probe wipe", ADMIN_BY_ROLE, "admin work"),
        ("/probe wipe", ADMIN_BY_PERMISSION, "admin work"),
        ("/probe organize", IN_DM, "/probe organize is for organizers only."),
    ]
    for path, invoker, expected in cases:
        sent = await bot.fake.send_interaction(path, {}, invoker)
        _, received = await final_message(bot.fake, sent)
        assert message_data(received)["content"] == expected, (path, invoker)


async def test_roles_come_from_the_interaction_when_its_guild_was_never_cached(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    # Global commands, used in a server the fake never sent GUILD_CREATE for: discord.py
    # has no role cache there, only the payload's member.roles and member.permissions.
    elsewhere = payloads.UNCACHED_GUILD_ID
    cases = [
        ("/probe wipe", replace(ADMIN_BY_ROLE, guild_id=elsewhere), "admin work"),
        ("/probe organize", replace(ORGANIZER, guild_id=elsewhere), "organizer work"),
        ("/probe wipe", replace(ADMIN_BY_PERMISSION, guild_id=elsewhere), "admin work"),
        ("/probe wipe", replace(MEMBER, guild_id=elsewhere), "/probe wipe is for admins only."),
    ]
    async with running_bot(fake, deps, tmp_path, guild=False) as bot:
        assert payloads.GUILD_ID not in fake.commands  # synced globally
        for path, invoker, expected in cases:
            sent = await bot.fake.send_interaction(path, {}, invoker)
            _, received = await final_message(bot.fake, sent)
            assert message_data(received)["content"] == expected, (path, invoker)
        assert elsewhere not in guilds_announced(fake)


def guilds_announced(fake: FakeDiscord) -> set[str]:
    return {
        frame["d"]["id"]
        for session in fake.gateway.sessions.values()
        for frame in session.sent
        if frame.get("t") == "GUILD_CREATE"
    }


async def test_handler_exception_reaches_user_privately_and_bot_survives(
    bot: RunningBot,
) -> None:
    sent = await bot.fake.send_interaction("/probe boom")
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert is_ephemeral(data) and INCIDENT_WORDS in data["content"]
    assert "handler bug" not in data["content"]  # internals stay in the log
    after = await bot.fake.send_interaction("/probe echo", {"words": "still here"})
    _, received = await final_message(bot.fake, after)
    assert message_data(received)["content"] == "You said: still here"


async def test_invalid_option_value_gets_a_private_usage_message(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/probe echo", {"words": "bell\x07 rings"})
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert is_ephemeral(data) and "control characters" in data["content"]


async def test_long_reply_becomes_embeds_or_a_file_within_limits(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/probe long")
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert len(data["content"]) <= limits.CONTENT_MAX
    # 400 lines do not fit 6,000 embed characters: preview + the whole text attached.
    assert received.files
    name, content = next(iter(received.files.values()))
    assert name == FULL_REPLY_FILENAME
    assert content.decode().count("partnership record") == LONG_LINES


async def test_many_fields_become_embeds_within_limits(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/probe long", {"fields": 1})
    _, received = await final_message(bot.fake, sent)
    embeds = message_data(received)["embeds"]
    assert 2 <= len(embeds) <= limits.EMBEDS_PER_MESSAGE
    assert sum(len(e.get("fields", [])) for e in embeds) == 30
    assert all(len(e.get("fields", [])) <= limits.EMBED_FIELDS_MAX for e in embeds)
    assert all(len(e.get("description") or "") <= limits.EMBED_DESCRIPTION_MAX for e in embeds)
    assert embeds[0]["title"] == "Long"
    assert len(visible_text(message_data(received))) <= limits.EMBED_TOTAL_MAX


async def test_attachment_is_downloaded_and_a_file_comes_back(bot: RunningBot) -> None:
    csv = b"agency,state\nGreenfield PD,WI\n"
    sent = await bot.fake.send_interaction(
        "/probe upload", {}, MEMBER, files={"file": ("agencies.csv", csv)}
    )
    kind, received = await final_message(bot.fake, sent)
    assert kind == DEFERRED  # downloading may take a while: acknowledged first
    assert received.body["content"] == f"agencies.csv: {len(csv)} bytes"
    assert is_ephemeral(received.body)
    (name, content) = next(iter(received.files.values()))
    assert (name, content) == ("echo.csv", csv.upper())


async def test_autocomplete_offers_at_most_25_valid_choices(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/probe echo", {"words": "gre"}, MEMBER, focused="words")
    callback = await bot.fake.callback(sent)
    assert callback.body["type"] == AUTOCOMPLETE_RESULT
    choices = callback.body["data"]["choices"]
    # The dispatcher keeps the source's first 25; the adapter drops the one whose value
    # Discord would refuse (over 100 characters) rather than send a corrupted value.
    assert len(choices) == 24
    assert all(1 <= len(c["name"]) <= 100 and 1 <= len(c["value"]) <= 100 for c in choices)
    assert choices[0] == {"name": "gre option 0", "value": "gre-0"}  # the 150-char value dropped


async def test_interactions_in_flight_at_once_are_all_answered(bot: RunningBot) -> None:
    sent = [await bot.fake.send_interaction("/probe echo", {"words": f"n{i}"}) for i in range(30)]
    answers = await asyncio.gather(*(final_message(bot.fake, s) for s in sent))
    contents = sorted(message_data(r)["content"] for _, r in answers)
    assert contents == sorted(f"You said: n{i}" for i in range(30))


async def test_command_past_its_budget_is_deferred_publicly_then_followed_up(
    bot: RunningBot,
) -> None:
    sent = await bot.fake.send_interaction("/probe sluggish")
    callback = await bot.fake.callback(sent)  # comes after the adapter's budget, unreleased
    assert callback.body == {"type": DEFERRED}  # public command: a public "thinking…"
    bot.slow_release.set()
    followup = await bot.fake.followup(sent)
    assert followup.body["content"] == "got there" and not is_ephemeral(followup.body)


async def test_private_error_after_a_public_defer_replaces_the_public_placeholder(
    bot: RunningBot,
) -> None:
    sent = await bot.fake.send_interaction("/probe sluggish", {"fail": 1})
    assert (await bot.fake.callback(sent)).body == {"type": DEFERRED}
    bot.slow_release.set()
    followup = await bot.fake.followup(sent)
    assert followup.body["content"] == "That did not work." and is_ephemeral(followup.body)
    methods = [r.method for r in bot.fake.sent_to(sent)]
    # The public "thinking…" message is deleted before the private answer goes out.
    assert methods == ["POST", "DELETE", "POST"]


async def test_an_attachment_sending_more_than_it_declared_is_refused(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The declared size passes the check; the CDN then sends far more. The read stops at
    # the cap instead of buffering all of it.
    monkeypatch.setattr(handling, "MAX_ATTACHMENT_BYTES", 1024 * 1024)
    bot.fake.cdn_padding = 4 * 1024 * 1024
    sent = await bot.fake.send_interaction(
        "/probe upload", {}, MEMBER, files={"file": ("agencies.csv", b"agency,state\n")}
    )
    _, received = await final_message(bot.fake, sent)
    assert received.body["content"] == "agencies.csv is larger than 1 MB."

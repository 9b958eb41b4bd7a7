"""A campaign card's buttons over the wire: a click (INTERACTION_CREATE type 3) runs the
action as the person who clicked, answered privately, also after a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.models import Button, Reply
from bot.core.registry import Command
from bot.platforms.discord.render import render
from storage.db import Database
from testkit.fake_discord import FakeDiscord, Invoker, Received, payloads
from tests.commands.campaigns.helpers import signup_count
from tests.platforms.discord.conftest import RunningBot, running_bot
from tests.platforms.discord.wire import (
    DEFERRED,
    MESSAGE,
    final_message,
    is_ephemeral,
    message_data,
    visible_text,
)

ORGANIZER = Invoker(user_id="600000000000000002", roles=(payloads.ORGANIZER_ROLE_ID,))
MEMBER = Invoker(user_id="600000000000000007", name="maria")
JOIN = "cw:/campaign join ring-free"


async def post_card(bot: RunningBot) -> tuple[dict[str, Any], Received]:
    values = {"slug": "ring-free", "title": "End the Ring partnership", "goal": 10}
    created = await bot.fake.send_interaction("/campaign create", values, ORGANIZER)
    await final_message(bot.fake, created)
    posted = await bot.fake.send_interaction("/campaign post", {"slug": "ring-free"}, ORGANIZER)
    _, received = await final_message(bot.fake, posted)
    return message_data(received), received


async def click(bot: RunningBot, message: dict[str, Any], custom_id: str) -> dict[str, Any]:
    sent = await bot.fake.click(message, custom_id, MEMBER)
    kind, received = await final_message(bot.fake, sent)
    assert kind == MESSAGE  # a quick command is answered in the callback itself
    return message_data(received)


async def test_join_button_signs_up_once_and_answers_privately(
    bot: RunningBot, db: Database
) -> None:
    card, received = await post_card(bot)
    assert not is_ephemeral(card) and "End the Ring partnership" in visible_text(card)
    [row] = card["components"]
    buttons = {b["label"]: b["custom_id"] for b in row["components"]}
    assert buttons == {
        "Join": JOIN,
        "Leave": "cw:/campaign leave ring-free",
        "Details": "cw:/campaign info ring-free",
    }
    message = bot.fake.posted_message(received)
    first = await click(bot, message, JOIN)
    assert is_ephemeral(first) and "You are signed up for End the Ring" in first["content"]
    again = await click(bot, message, JOIN)
    assert is_ephemeral(again) and "already signed up" in again["content"]
    assert await signup_count(db, "ring-free", payloads.GUILD_ID) == 1


async def test_a_card_posted_before_a_restart_still_works(
    fake: FakeDiscord, deps: Deps, tmp_path: Path, db: Database
) -> None:
    async with running_bot(fake, deps, tmp_path) as before:
        _, received = await post_card(before)
        message = fake.posted_message(received)
    async with running_bot(fake, deps, tmp_path) as after:
        answer = await click(after, message, JOIN)
    assert is_ephemeral(answer) and "signed up" in answer["content"]
    assert await signup_count(db, "ring-free", payloads.GUILD_ID) == 1


def test_an_action_longer_than_a_custom_id_holds_is_not_rendered() -> None:
    long_action = "/campaign join " + "x" * 90
    buttons = (Button("Join", "/campaign join a"), Button("X", long_action))
    reply = Reply(text="card", buttons=buttons)
    assert [b.label for b in render(reply).buttons] == ["Join"]


async def _slow_card(ctx: Ctx) -> Reply:
    return Reply(text="slow card", buttons=(Button("Slow", "/probe sluggish"),))


SLOW_CARD = Command(("probe", "slowcard"), "A card whose button is slow", _slow_card)


async def test_a_slow_button_is_deferred_privately_then_followed_up(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    async with running_bot(fake, deps, tmp_path, extra=(SLOW_CARD,)) as bot:
        posted = await fake.send_interaction("/probe slowcard", {}, MEMBER)
        _, received = await final_message(fake, posted)
        sent = await fake.click(fake.posted_message(received), "cw:/probe sluggish", MEMBER)
        callback = await fake.callback(sent)
        # Past the budget the click is acknowledged privately; the answer follows.
        assert callback.body == {"type": DEFERRED, "data": {"flags": 64}}
        bot.slow_release.set()
        followup = await fake.followup(sent)
        assert followup.body["content"] == "got there" and is_ephemeral(followup.body)

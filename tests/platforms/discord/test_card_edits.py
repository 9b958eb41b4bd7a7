"""A campaign card's count kept true over the wire: the adapter learns the card's message id
from the interaction callback, and the card refresher PATCHes that channel message, paced,
closed at the end (buttons disabled), never again once Discord says it is gone; after a
restart, an old card's buttons still work and its edits go on."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.core.deps import Deps
from commands.campaigns.cards import current_card
from notifications.cards import RefreshReport, refresh_due_cards
from storage.db import Database
from testkit.fake_discord import FakeDiscord, Invoker, payloads
from testkit.fake_discord.server import WAIT_S
from testkit.waiting import eventually
from tests.commands.campaigns.helpers import signup_count
from tests.conftest import FIXED_NOW
from tests.platforms.discord.conftest import RunningBot, running_bot
from tests.platforms.discord.wire import final_message, is_ephemeral, message_data, visible_text

ORGANIZER = Invoker(user_id="600000000000000002", roles=(payloads.ORGANIZER_ROLE_ID,))
JOIN = "cw:/campaign join ring-free"
EVERY = dt.timedelta(seconds=5)


def member(n: int) -> Invoker:
    return Invoker(user_id=f"6100000000000000{n:02d}", name=f"member{n}")


async def post_card(bot: RunningBot) -> str:
    """Create ring-free (goal 10) and post its card; the card's message id."""
    values = {"slug": "ring-free", "title": "End the Ring partnership", "goal": 10}
    await final_message(
        bot.fake, await bot.fake.send_interaction("/campaign create", values, ORGANIZER)
    )
    posted = await bot.fake.send_interaction("/campaign post", {"slug": "ring-free"}, ORGANIZER)
    await final_message(bot.fake, posted)
    card_id = bot.fake.response_message_ids[posted["id"]]
    await remembered(bot, card_id)
    return card_id


async def remembered(bot: RunningBot, card_id: str) -> None:
    """Wait until the bot has stored where its card is (it learns the id from the callback's
    answer, just after the fake received the callback)."""
    deps = bot.dispatcher.deps
    campaign = await deps.storage.campaigns.find(payloads.GUILD_ID, "ring-free")
    assert campaign is not None
    campaign_id = campaign.id

    async def stored() -> bool:
        cards = await deps.storage.cards.of_campaign(campaign_id)
        return card_id in [c.message_id for c in cards]

    await eventually(stored, timeout_s=WAIT_S, every_s=0.01)


async def join_by_button(
    bot: RunningBot, card_id: str, who: Invoker, shown: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Press Join on the card (as `shown` to the presser: what Discord holds, by default)."""
    sent = await bot.fake.click(shown or bot.fake.messages[card_id], JOIN, who)
    _, received = await final_message(bot.fake, sent)
    return message_data(received)


async def refresh(bot: RunningBot, seconds_later: float = 0) -> RefreshReport:
    deps = replace(
        bot.dispatcher.deps, clock=lambda: FIXED_NOW + dt.timedelta(seconds=seconds_later)
    )
    return await refresh_due_cards(deps, current_card, EVERY)


def buttons_of(message: dict[str, Any]) -> dict[str, bool]:
    [row] = message["components"]
    return {b["label"]: bool(b.get("disabled")) for b in row["components"]}


async def test_sign_ups_in_one_window_make_one_edit_of_the_card(bot: RunningBot) -> None:
    card_id = await post_card(bot)
    for n in range(5):
        answer = await join_by_button(bot, card_id, member(n))
        assert is_ephemeral(answer) and "You are signed up" in answer["content"]
    assert (await refresh(bot)).edited == 1
    [edit] = bot.fake.edits_of(card_id)
    assert edit.path == f"/api/v10/channels/{payloads.CHANNEL_ID}/messages/{card_id}"
    assert "(5 of 10)" in visible_text(edit.body)
    assert buttons_of(bot.fake.messages[card_id]) == {
        "Join": False,
        "Leave": False,
        "Details": False,
    }
    await join_by_button(bot, card_id, member(5))
    assert (await refresh(bot, 1)).edited == 0  # inside the pacing window
    assert (await refresh(bot, 5)).edited == 1
    assert len(bot.fake.edits_of(card_id)) == 2
    assert "(6 of 10)" in visible_text(bot.fake.messages[card_id])


async def test_closing_disables_the_buttons_and_says_closed(bot: RunningBot) -> None:
    card_id = await post_card(bot)
    await join_by_button(bot, card_id, member(1))
    close = await bot.fake.send_interaction("/campaign close", {"slug": "ring-free"}, ORGANIZER)
    await final_message(bot.fake, close)
    assert (await refresh(bot)).edited == 1
    card = bot.fake.messages[card_id]
    assert buttons_of(card) == {"Join": True, "Leave": True, "Details": True}
    [embed] = card["embeds"]
    assert embed["footer"]["text"] == "Closed on 2026-11-26 with 1 sign-up."
    assert "(1 of 10)" in visible_text(card)


async def test_a_deleted_card_is_forgotten(bot: RunningBot, db: Database) -> None:
    card_id = await post_card(bot)
    on_screen = dict(bot.fake.messages[card_id])
    await join_by_button(bot, card_id, member(1))
    bot.fake.delete_message(card_id)
    assert (await refresh(bot)).forgotten == 1
    assert len(bot.fake.edits_of(card_id)) == 1  # the one PATCH that got 404
    # Someone whose screen still shows it presses Join: the sign-up counts, no edit follows.
    await join_by_button(bot, card_id, member(2), on_screen)
    assert await refresh(bot, 3600) == RefreshReport()
    assert len(bot.fake.edits_of(card_id)) == 1  # no request any more
    assert await signup_count(db, "ring-free", payloads.GUILD_ID) == 2


async def test_after_a_restart_an_old_card_still_works_and_is_still_edited(
    fake: FakeDiscord, deps: Deps, tmp_path: Path, db: Database
) -> None:
    async with running_bot(fake, deps, tmp_path) as before:
        card_id = await post_card(before)
        await join_by_button(before, card_id, member(1))
        assert (await refresh(before)).edited == 1
    async with running_bot(fake, deps, tmp_path) as after:
        answer = await join_by_button(after, card_id, member(2))
        assert is_ephemeral(answer) and "You are signed up" in answer["content"]
        assert (await refresh(after, 10)).edited == 1
    assert "(2 of 10)" in visible_text(fake.messages[card_id])
    assert await signup_count(db, "ring-free", payloads.GUILD_ID) == 2

"""Over the wire: what is posted for a whole channel (a campaign card, a `share:true` answer)
is in the server's language, the interaction's `guild_locale` when its admins stored none,
while each asker's own replies stay in theirs (the interaction's `locale`); a default stored
with /language workspace:yes wins over the server's language, and only its admins store one."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from commands.campaigns.cards import current_card
from notifications.cards import refresh_due_cards
from storage.workspaces.models import Workspace
from testkit.fake_discord import Invoker, payloads
from tests.conftest import FIXED_NOW
from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.test_card_edits import remembered
from tests.platforms.discord.wire import final_message, is_ephemeral, message_data, visible_text

SPANISH_SERVER = "es-ES"
# Each of them reads English (their client's `locale`) in a server whose language is Spanish.
ORGANIZER = Invoker(
    user_id="600000000000000041",
    roles=(payloads.ORGANIZER_ROLE_ID,),
    guild_locale=SPANISH_SERVER,
)
ADMIN = Invoker(
    user_id="600000000000000042", roles=(payloads.ADMIN_ROLE_ID,), guild_locale=SPANISH_SERVER
)
MEMBER = Invoker(user_id="600000000000000043", name="maria", guild_locale=SPANISH_SERVER)
PLACE: dict[str, object] = {"place": "Greenfield, WI"}


async def ask(
    bot: RunningBot, path: str, who: Invoker, values: dict[str, object] | None = None
) -> dict[str, Any]:
    sent = await bot.fake.send_interaction(path, values or {}, who)
    _, received = await final_message(bot.fake, sent)
    return message_data(received)


async def post_card(bot: RunningBot) -> tuple[dict[str, Any], str]:
    """Create ring-free and post its card: the card as posted, and its message id."""
    values = {"slug": "ring-free", "title": "End the Ring partnership", "goal": 10}
    await ask(bot, "/campaign create", ORGANIZER, values)
    sent = await bot.fake.send_interaction("/campaign post", {"slug": "ring-free"}, ORGANIZER)
    _, received = await final_message(bot.fake, sent)
    card_id = bot.fake.response_message_ids[sent["id"]]
    await remembered(bot, card_id)
    return message_data(received), card_id


def labels(card: dict[str, Any]) -> list[str]:
    [row] = card["components"]
    return [b["label"] for b in row["components"]]


async def test_the_card_is_in_the_server_s_language_and_each_reply_in_the_asker_s(
    bot: RunningBot,
) -> None:
    card, card_id = await post_card(bot)
    assert not is_ephemeral(card)
    assert "Inscritos" in visible_text(card) and "Signed up" not in visible_text(card)
    assert labels(card) == ["Inscribirse", "Retirarse", "Detalles"]
    # The member who presses Join reads English: the answer is theirs alone.
    pressed = await bot.fake.click(
        bot.fake.messages[card_id], "cw:/campaign join ring-free", MEMBER
    )
    _, received = await final_message(bot.fake, pressed)
    answer = message_data(received)
    assert is_ephemeral(answer) and "You are signed up for End the Ring" in answer["content"]
    # The refresher edits the card outside any request: still in the server's language.
    clock = replace(bot.dispatcher.deps, clock=lambda: FIXED_NOW + dt.timedelta(seconds=5))
    assert (await refresh_due_cards(clock, current_card, dt.timedelta(seconds=5))).edited == 1
    [edit] = bot.fake.edits_of(card_id)
    assert "Inscritos" in visible_text(edit.body) and "(1 " in visible_text(edit.body)


@pytest.mark.real_data("seed", "atlas")
async def test_a_shared_answer_is_posted_in_the_server_s_language(bot: RunningBot) -> None:
    mine = await ask(bot, "/ring lookup", MEMBER, PLACE)
    assert is_ephemeral(mine)
    assert visible_text(mine).startswith("\nRing police partnerships: Greenfield")
    shared = await ask(bot, "/ring lookup", MEMBER, {**PLACE, "share": "true"})
    assert not is_ephemeral(shared)
    assert "Acuerdos de la policía con Ring: Greenfield" in visible_text(shared)
    # A mistake is the asker's alone, whatever they meant to share: in their language.
    wrong = await ask(bot, "/local", MEMBER, {"place": "Nowhereville, ZZ", "share": "true"})
    assert is_ephemeral(wrong) and "is not in the data" in wrong["content"]


async def test_a_default_stored_by_an_admin_wins_and_a_member_is_refused(
    bot: RunningBot,
) -> None:
    refused = await ask(bot, "/language", MEMBER, {"language": "en", "workspace": "yes"})
    assert is_ephemeral(refused)
    assert refused["content"].startswith("Only an admin of this workspace can set its language")
    stored = bot.dispatcher.deps.storage.workspace_languages
    assert await stored.current(Workspace("discord", payloads.GUILD_ID)) is None  # unchanged
    chose = await ask(bot, "/language", ADMIN, {"language": "en", "workspace": "yes"})
    # Answered in the admin's own language (English here), not in the one they chose.
    assert "are in English, as its admins chose" in chose["content"]
    card, _card_id = await post_card(bot)
    assert "Signed up" in visible_text(card) and labels(card) == ["Join", "Leave", "Details"]
    back = await ask(bot, "/language", ADMIN, {"language": "auto", "workspace": "yes"})
    assert "are in español, its platform's language" in back["content"]

"""/facts set-body and /facts add-official over the wire (unmodified discord.py, the fake
Discord): a home admin records them with their public contacts, a member's letter and /contact use
them, privately."""

from __future__ import annotations

from typing import Any

from storage.db import Database
from testkit.fake_discord import Invoker, payloads
from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.wire import final_message, is_ephemeral, message_data, visible_text

HOME_ADMIN = Invoker(user_id="600000000000000031", name="steward", roles=(payloads.ADMIN_ROLE_ID,))
MEMBER = Invoker(user_id="600000000000000011", name="ada")
URL = "https://example.org/smalltown-council"


async def said(bot: RunningBot, path: str, values: dict[str, Any], who: Invoker) -> str:
    sent = await bot.fake.send_interaction(path, values, who)
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert is_ephemeral(data), path
    files = [content.decode() for _, content in received.files.values()]
    return "\n".join([visible_text(data), *files])


async def test_recorded_body_and_official_reach_the_letter_and_contact(
    bot: RunningBot, db: Database
) -> None:
    partnership = {
        "agency": "Smalltown Police Department", "since": "2021-03-01",
        "source": "https://example.org/story", "create": "yes", "state": "WI",
        "city": "Smalltown",
    }  # fmt: skip
    assert "Change C1 recorded" in await said(
        bot, "/facts set-partnership", partnership, HOME_ADMIN
    )
    where = {"place": "Smalltown, WI", "source": URL, "as-of": "2026-11-20"}
    reach = {"web": "https://example.org/contact-us", "phone": "+1 608 555 0100"}
    body = await said(
        bot, "/facts set-body", {**where, "body": "Smalltown Common Council", **reach}, HOME_ADMIN
    )
    assert "Change C2 recorded" in body and "Added B1" in body, body
    official = {
        **where, "name": "Ana Pérez", "title": "Council Member", "email": "aperez@example.org"
    }  # fmt: skip
    assert "Added O1" in await said(bot, "/facts add-official", official, HOME_ADMIN)
    refused = await said(bot, "/facts add-official", official, MEMBER)
    assert "facts admins" in refused.lower()
    draft = {"template": "ring-council", "place": "Smalltown, WI"}
    letter = await said(bot, "/letter draft", draft, MEMBER)
    assert "To: the Smalltown Common Council" in letter
    assert "Dear Council Member Ana Pérez," in letter
    assert (
        "Where to send it (public contacts on record): https://example.org/contact-us,"
        " +1 608 555 0100; Council Member Ana Pérez (aperez@example.org)."
    ) in " ".join(letter.split())
    contact = await said(bot, "/contact", {"place": "Smalltown, WI"}, MEMBER)
    assert "Governed by: the Smalltown Common Council." in contact
    assert "Council Member Ana Pérez (aperez@example.org)" in contact and URL in contact
    assert "Public contact on record: https://example.org/contact-us, +1 608 555 0100." in contact
    row = await db.fetchone("SELECT COUNT(*) FROM changes")
    assert row is not None and row[0] == 3

"""A follow notification reaches each follower in their own language: the one they chose
with /language, else English (a DM is not an answer: no platform locale comes with it)."""

from __future__ import annotations

import re

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from notifications.delivery import deliver_due
from testkit.english import english_sentences
from tests.commands.admin.conftest import FakeMessenger
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
ANA = identity(Role.MEMBER, user_id="ana")  # chose Spanish
BOB = identity(Role.MEMBER, user_id="bob")  # chose nothing
GREENFIELD_PD = '"Greenfield Police Department, WI"'
URL = "https://ex.org/e"
ENDED = "Greenfield Police Department (WI) ended its Ring partnership on 2024-01-31"
# The audit log's summary keeps its structure (lexicon/stored.py): said in each follower's.
ENDED_ES = (
    "Greenfield Police Department (WI) puso fin a su acuerdo con Ring (fecha: 31 de enero de 2024)"
)


async def run(disp: Dispatcher, who: object, line: str) -> str:
    reply = await disp.run_text(who, line)  # type: ignore[arg-type]
    assert not reply.error, reply.text
    return reply.as_text()


def sent_to(messenger: FakeMessenger, user: str) -> list[str]:
    return [text for _, to, text in messenger.sent if to == user]


def spanish_summary(text: str) -> str:
    """The notice, checked to word the change's summary in Spanish."""
    assert ENDED_ES in text and ENDED not in text, text
    return text


async def test_each_follower_is_told_in_their_language(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    await run(disp, ANA, "/language es")
    followed = await run(disp, ANA, "/follow Greenfield, WI")
    assert followed.startswith("Ahora usted sigue Greenfield, WI.")
    await run(disp, BOB, "/follow Greenfield, WI")
    told = await run(disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-01-31 {URL}")
    assert "2 followers will be told once." in told  # the admin's own language: English
    await deliver_due(fdeps)
    [spanish] = sent_to(messenger, "ana")
    assert spanish.startswith("Counterwatch: cambió un dato sobre Greenfield, WI, lugar que")
    assert "Fuente: https://ex.org/e\nPara dejar de recibir estos mensajes: /unfollow" in spanish
    assert not english_sentences(spanish_summary(spanish)), spanish
    [english] = sent_to(messenger, "bob")
    assert english.startswith("Counterwatch: a fact about Greenfield, WI, which you follow,")
    assert english.endswith(
        "Source: https://ex.org/e\nTo stop these messages: /unfollow Greenfield, WI"
    )
    assert f"{ENDED}. Source:" in english


async def test_an_undo_in_spanish_and_auto_back_to_english(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    await run(disp, ANA, "/language es")
    await run(disp, ANA, "/follow Greenfield, WI")
    told = await run(disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-01-31 {URL}")
    change = re.search(r"/facts undo (C\d+)", told)
    assert change
    await run(disp, ADMIN, f"/facts undo {change[1]}")
    await run(disp, ANA, "/language auto")  # no choice: English from the next change on
    await run(disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-02-29 {URL}")
    await deliver_due(fdeps)
    ended, undone, english = sent_to(messenger, "ana")
    assert ended.startswith("Counterwatch: cambió un dato sobre Greenfield, WI")
    assert f"(cambio C2): se deshizo el cambio {change[1]} (" in undone
    assert not english_sentences(spanish_summary(undone)), undone
    assert english.startswith("Counterwatch: a fact about Greenfield, WI, which you follow,")

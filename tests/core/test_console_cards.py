"""The console prints a card's buttons as lines to type: "[Join] /campaign join <slug>", and
prints the card again ("[card updated]") when the refresher edits it."""

from __future__ import annotations

import io

import pytest

from bot.core.dispatch import Dispatcher
from bot.core.messengers import CardGone
from bot.core.models import Posted, Reply, Role
from bot.platforms import console
from bot.platforms.console.cards import ConsoleCards
from commands.campaigns.cards import current_card
from notifications.cards import refresh_due_cards
from wiring import console_background


async def test_console_card_lists_its_buttons_as_commands(dispatcher: Dispatcher) -> None:
    stdin = io.StringIO('/campaign create ring-free "End the Ring" 10\n/campaign post ring-free\n')
    stdout = io.StringIO()
    await console.run_console(
        dispatcher,
        console.console_identity(Role.ADMIN),
        stdin,
        stdout,
        background=console_background(dispatcher.deps),
    )
    out = stdout.getvalue()
    assert "Signed up: [....................] 0% (0 of 10)" in out
    for line in (
        "[Join] /campaign join ring-free",
        "[Leave] /campaign leave ring-free",
        "[Details] /campaign info ring-free",
    ):
        assert line in out.splitlines()


async def test_console_card_is_printed_again_when_its_count_changes(
    dispatcher: Dispatcher,
) -> None:
    lines = [
        '/campaign create ring-free "End the Ring" 10',
        "/campaign post ring-free",
        "/as Ana member",
        "/campaign join ring-free",
        "/as Olga organizer",
        "/campaign close ring-free",
    ]
    stdout = io.StringIO()
    admin = console.console_identity(Role.ADMIN)
    await console.run_console(
        dispatcher,
        admin,
        io.StringIO("\n".join(lines) + "\n"),
        stdout,
        background=console_background(dispatcher.deps),
    )
    # main runs the refresher beside the console; one pass, as it would make.
    report = await refresh_due_cards(dispatcher.deps, current_card)
    assert report.edited == 1
    updated = stdout.getvalue().split("[card updated]\n", 1)[1].splitlines()
    assert "Signed up: [##..................] 10% (1 of 10)" in updated
    assert updated[-1] == "Closed on 2026-11-26 with 1 sign-up."
    assert not [line for line in updated if line.startswith("[Join]")]


async def test_a_card_printed_by_an_earlier_console_session_is_gone() -> None:
    shown: list[str] = []
    earlier, now = ConsoleCards(shown.append), ConsoleCards(shown.append)
    posted: list[Posted] = []

    async def remember(where: Posted) -> None:
        posted.append(where)

    await earlier.posted(Reply(text="card", on_posted=remember))
    [where] = posted
    await earlier.edit_card("console", where.channel, where.message_id, Reply(text="again"))
    assert shown == ["[card updated]\nagain"]
    with pytest.raises(CardGone):
        await now.edit_card("console", where.channel, where.message_id, Reply(text="again"))

"""The console prints a card's buttons as lines to type: "[Join] /campaign join <slug>"."""

from __future__ import annotations

import io

from bot.dispatch import Dispatcher
from bot.models import Role
from bot.platforms import console


async def test_console_card_lists_its_buttons_as_commands(dispatcher: Dispatcher) -> None:
    stdin = io.StringIO('/campaign create ring-free "End the Ring" 10\n/campaign post ring-free\n')
    stdout = io.StringIO()
    await console.run_console(dispatcher, console.console_identity(Role.ADMIN), stdin, stdout)
    out = stdout.getvalue()
    assert "Signed up: [....................] 0% (0 of 10)" in out
    for line in (
        "[Join] /campaign join ring-free",
        "[Leave] /campaign leave ring-free",
        "[Details] /campaign info ring-free",
    ):
        assert line in out.splitlines()

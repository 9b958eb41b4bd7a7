"""Several people at one console (`/as`), and their follow notifications, through a pipe."""

from __future__ import annotations

import io

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.platforms import console
from wiring import console_background

SMALLTOWN_PD = '"Smalltown Police Department"'


async def _session(dispatcher: Dispatcher, *lines: str) -> str:
    stdout = io.StringIO()
    identity = console.console_identity(Role.ORGANIZER, "Olga")
    await console.run_console(
        dispatcher,
        identity,
        io.StringIO("\n".join(lines) + "\n"),
        stdout,
        background=console_background(dispatcher.deps),
    )
    return stdout.getvalue()


async def test_two_members_join_one_campaign(dispatcher: Dispatcher) -> None:
    out = await _session(
        dispatcher,
        '/campaign create ring-free "End the Ring" 500',
        "/as Ana member",
        "/campaign join ring-free",
        "/as Bea member",
        "/campaign join ring-free",
        "/as Olga organizer",
        "/campaign export ring-free",
        "/campaign stats ring-free",
    )
    assert "Counterwatch console, as Olga (organizer)" in out
    assert "Now typing as Ana (member)." in out and "Now typing as Bea (member)." in out
    assert "already signed up" not in out  # two people, not one joining twice
    assert "2 sign-up" in out or "2 of 500" in out, out


async def test_a_follow_notification_arrives_for_its_member(dispatcher: Dispatcher) -> None:
    out = await _session(
        dispatcher,
        "/as Root admin",
        f"/facts set-partnership {SMALLTOWN_PD} 2020-01-01 https://example.org/a"
        " create:yes state:WI city:Smalltown",
        "/as Ana member",
        "/follow Smalltown, WI",
        "/as Root admin",
        f"/facts end-partnership {SMALLTOWN_PD} 2024-01-01 https://example.org/b",
    )
    assert "You now follow Smalltown, WI" in out, out
    assert "[message for Ana] " in out and "Smalltown" in out.split("[message for Ana]")[1]
    assert "[message for Root]" not in out  # only the follower hears


async def test_help_mentions_as_and_bad_names_are_explained(dispatcher: Dispatcher) -> None:
    out = await _session(dispatcher, "/help", "/as", "/as !!! member", "/mydata")
    assert "/as NAME [role]" in out and "Usage: /as NAME" in out
    assert "at least one letter or digit" in out
    assert "console-olga" in out  # still Olga after the refused switches

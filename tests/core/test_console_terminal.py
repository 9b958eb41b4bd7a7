"""The console at a terminal, driven through a pseudo-terminal as a person types.

Each expectation waits for text to appear (up to a generous timeout), never for a time to
pass, so a slow machine makes the test slower, not flaky.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).parents[2]
CHAT_TOKENS = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")
PD = '"Smalltown Police Department"'

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[pexpect.spawn]:
    env = {k: v for k, v in os.environ.items() if k not in CHAT_TOKENS}
    # No terminal answers the cursor-position request inside a test's pty: don't ask.
    env |= {"COUNTERWATCH_DB": str(tmp_path / "console.db"), "PROMPT_TOOLKIT_NO_CPR": "1"}
    args = ["main.py", "run", "--user", "Olga", "--as", "organizer"]
    child = pexpect.spawn(
        sys.executable, args, cwd=ROOT, env=env, encoding="utf-8", timeout=30,
        dimensions=(50, 200),
    )  # fmt: skip
    try:
        yield child
    finally:
        child.close(force=True)


def _run(child: pexpect.spawn, line: str, *replies: str) -> None:
    """Type a line and Enter, then wait for each reply text in turn."""
    child.sendline(line)
    for reply in replies:
        child.expect_exact(reply)


def _tab(child: pexpect.spawn, typed: str, added: str) -> None:
    """Type, press Tab, and wait for the completion to add `added` to the line, as a person
    watches it appear before typing on: prompt-toolkit drops a completion whose line changed
    while it was loading, and only pexpect's 50 ms pause before each send kept the next keys
    behind it (too short on a loaded machine). The screen is redrawn by difference, so only
    the added characters are sure to be written together."""
    child.send(f"{typed}\t")
    child.expect_exact(added)


def _as(child: pexpect.spawn, who: str) -> None:
    _run(child, f"/as {who}", f"Now typing as {who.split()[0]}")
    child.expect_exact(f"{who.split()[0]} (")  # the prompt names who types now


def test_two_members_join_and_a_follow_notification_arrives(
    terminal: pexpect.spawn, tmp_path: Path
) -> None:
    child = terminal
    child.expect_exact("Olga (organizer)>")
    _run(child, '/campaign create ring-free "End the Ring" 500', "Campaign created")
    letter = tmp_path / "my letter.txt"
    letter.write_text("Dear {{ recipient }},\nNo Ring, please.\n")
    _run(child, f'/letter add my-letter < "{letter}"', "Added the letter template my-letter")
    _as(child, "Ana member")
    _tab(child, "/campaign jo", "in")  # Tab completes the subcommand
    _run(child, " ring-free", "You are signed up for End the Ring")
    _as(child, "Bea member")
    _run(child, "/campaign join ring-free", "You are signed up for End the Ring")
    _as(child, "Root admin")
    _run(
        child,
        f"/facts set-partnership {PD} 2020-01-01 https://example.org/a"
        " create:yes state:WI city:Smalltown",
        "Change C1 recorded",
    )
    _as(child, "Ana member")
    _tab(child, "/fol", "low")  # the common part of /follow and /following
    _tab(child, " Smallt", "own, WI")  # Tab completes the place from the place index
    _run(child, "", "You now follow Smalltown, WI")
    child.expect_exact("Ana (")
    child.send("/campaign li")  # half a line typed when the notification comes
    # The change comes from a second process on the same database (an admin's one-shot
    # `ask`), so the notification can only arrive while the half line is on screen.
    change = f"/facts end-partnership {PD} 2024-01-01 https://example.org/b"
    admin = subprocess.run(
        [sys.executable, "main.py", "ask", change, "--user", "Root"],
        cwd=ROOT, env=child.env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert "1 follower" in admin.stdout, admin.stderr
    child.expect_exact("[message for Ana]")
    child.expect_exact("Smalltown")
    _run(child, "st", "ring-free")  # the half line survived: /campaign list ran
    _as(child, "Olga organizer")
    _run(child, "/campaign stats ring-free", "(2 of 500)")
    child.sendcontrol("d")  # Ctrl-D leaves
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_cancels_the_line_and_twice_on_an_empty_line_leaves(
    terminal: pexpect.spawn,
) -> None:
    child = terminal
    child.expect_exact("Olga (organizer)>")
    child.send("/campaign create abandoned")
    child.sendcontrol("c")  # the line is dropped at once, without waiting for Enter
    _run(child, "/campaign list", "No campaigns")  # ... and never ran
    child.expect_exact("Olga (organizer)>")
    child.sendcontrol("c")
    child.expect_exact("Ctrl-C again on an empty line")
    child.expect_exact("Olga (organizer)>")  # the hint is drawn by the prompt that reads keys
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.dispatch import Dispatcher
from bot.core.models import Reply, ReplyFile, Role
from bot.platforms import console
from wiring import console_background

ROOT = Path(__file__).parents[2]


async def test_console_session_reads_until_eof(dispatcher: Dispatcher) -> None:
    stdin = io.StringIO("/help\n/nonsense\n")
    stdout = io.StringIO()
    await console.run_console(
        dispatcher,
        console.console_identity(Role.ADMIN),
        stdin,
        stdout,
        background=console_background(dispatcher.deps),
    )
    out = stdout.getvalue()
    assert "Counterwatch commands" in out and "Unknown command /nonsense" in out


def test_render_saves_files(tmp_path: Path) -> None:
    reply = Reply(text="Draft ready", file=ReplyFile("letter.txt", b"Dear council"))
    text = console.render(reply, output_dir=tmp_path)
    assert (tmp_path / "letter.txt").read_bytes() == b"Dear council"
    assert "saved" in text and "Draft ready" in text


def test_a_chart_is_saved_and_its_alt_text_printed(tmp_path: Path) -> None:
    png = ReplyFile("vote-signups.png", b"\x89PNG...", mime="image/png", alt_text="Line chart")
    text = console.render(Reply(text="Vote: 3 signed up", file=png), output_dir=tmp_path)
    assert (tmp_path / "vote-signups.png").read_bytes() == b"\x89PNG..."
    assert f"[saved {tmp_path / 'vote-signups.png'} (7 bytes)]\n[Line chart]" in text


def test_attachment_syntax(tmp_path: Path) -> None:
    data = tmp_path / "x.csv"
    data.write_text("a,b\n")
    line, attachments, error = console.split_attachment(f"/facts import < {data}")
    assert line == "/facts import" and attachments[0].content == b"a,b\n" and not error
    _, none, missing = console.split_attachment("/facts import < /no/such/file.csv")
    assert none == () and "Cannot read" in missing


def test_ask_mode_prints_and_exits(tmp_path: Path) -> None:
    env = {**os.environ, "COUNTERWATCH_DB": str(tmp_path / "ask.db")}
    for key in ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        env.pop(key, None)
    done = subprocess.run(
        [sys.executable, "main.py", "ask", "/help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Counterwatch commands" in done.stdout
    bad = subprocess.run(
        [sys.executable, "main.py", "ask", "/nope"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 1 and "Unknown command" in bad.stdout


def test_an_endless_attachment_is_refused_without_reading_it_all() -> None:
    # /dev/zero reports a size of 0 and never ends: the read stops one byte past the cap.
    _, attachments, error = console.split_attachment("/letter add x < /dev/zero")
    assert attachments == () and error.count("\n") == 0
    assert "larger than 20 MB" in error


async def test_an_over_long_line_is_refused_in_one_line(dispatcher: Dispatcher) -> None:
    endless = "/help " + "x" * (console.MAX_LINE_CHARS * 3) + "\n/help\n"
    stdout = io.StringIO()
    identity = console.console_identity(Role.ADMIN)
    await console.run_console(
        dispatcher,
        identity,
        io.StringIO(endless),
        stdout,
        background=console_background(dispatcher.deps),
    )
    out = stdout.getvalue()
    assert f"longer than {console.MAX_LINE_CHARS} characters" in out
    assert "x" * 100 not in out and "Counterwatch commands" in out  # the next line still runs


def test_only_an_unquoted_lt_at_the_end_attaches(tmp_path: Path) -> None:
    spaced = tmp_path / "my file.csv"
    spaced.write_text("a,b\n")
    line = '/letter draft council signer:"Neighbors < Ring"'
    assert console.split_attachment(line) == (line, (), "")  # text, not a file named Ring"
    assert console.split_attachment("/x 'a < b'") == ("/x 'a < b'", (), "")
    assert console.attachment_path("/x a < b c") is None  # the `<` is not at the end
    text, files, error = console.split_attachment(f'/facts import < "{spaced}"')
    assert (text, files[0].filename, error) == ("/facts import", "my file.csv", "")
    # An apostrophe inside a word is a letter (grammar.tokenize), not an opening quote.
    found = console.attachment_path("/letter add Sheriff's < O'Fallon's.csv")
    assert found == ("/letter add Sheriff's", "O'Fallon's.csv")
    assert console.attachment_path("/letter add x < 'my letter.txt'") == (
        "/letter add x",
        "my letter.txt",
    )
    assert console.attachment_path('/letter add x signer:O\'Brien < "a b.txt"') == (
        "/letter add x signer:O'Brien",
        "a b.txt",
    )


def test_each_name_is_its_own_stable_member() -> None:
    ana = console.console_identity(Role.MEMBER, "Ana")
    assert ana.user_id == console.user_id_for("  ana ") == "console-ana"
    assert ana.user_name == "Ana" and ana.user_id != console.user_id_for("Bea")
    assert console.console_identity(Role.ADMIN).user_id == "console-operator"  # as before
    bea = console.switch_identity(ana, ["Bea", "Lopez", "organizer"])
    assert (bea.user_name, bea.role) == ("Bea Lopez", Role.ORGANIZER)
    assert console.switch_identity(bea, ["Cy"]).role is Role.ORGANIZER  # the role stays
    for bad in ("", "!!!", "a\x07b", "x" * 61):
        with pytest.raises(console.ConsoleNameError):
            console.check_name(bad)

"""main.py's command line: global options on either side of the subcommand, and a reader
that closes the pipe early."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(__file__).parents[2]
CHAT_TOKENS = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CHAT_TOKENS}
    return env | {"COUNTERWATCH_DB": str(tmp_path / "cli.db")}


def test_global_options_go_before_or_after_the_subcommand() -> None:
    parser, _ = main.build_parser()
    before = parser.parse_args(["--as", "member", "--user", "Ana", "ask", "/help"])
    after = parser.parse_args(["ask", "--as", "member", "--user", "Ana", "/help"])
    assert (before.role, before.user) == (after.role, after.user) == ("member", "Ana")
    mixed = parser.parse_args(["--user", "Bea", "run", "--as", "organizer"])
    assert (mixed.role, mixed.user) == ("organizer", "Bea")
    plain = parser.parse_args(["run"])
    assert (plain.role, plain.user) == ("admin", "operator")


def test_ask_as_a_named_member(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "main.py", "ask", "--as", "member", "--user", "Ana", "/mydata"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "console-ana" in done.stdout
    bad = subprocess.run(
        [sys.executable, "main.py", "ask", "--user", "!!", "/help"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2 and "letter or digit" in bad.stderr


def test_a_reader_that_closes_early_ends_the_manifest_quietly(tmp_path: Path) -> None:
    # The reading end is closed before the writer starts, so the write always fails with
    # EPIPE (as under `| head` once head has its lines), whatever the timing.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "main.py", "slack-manifest"],
            cwd=ROOT,
            env=_env(tmp_path),
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode == 1

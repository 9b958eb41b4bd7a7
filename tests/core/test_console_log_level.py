"""The console's log shares the terminal with the person typing: it shows warnings only,
unless the operator names a level (COUNTERWATCH_LOG_LEVEL). It says where campaign pages are
served, since the INFO line that says so is not shown there."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
CHAT_TOKENS = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _console(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in CHAT_TOKENS}
    env.pop("COUNTERWATCH_LOG_LEVEL", None)
    env |= {"COUNTERWATCH_DB": str(tmp_path / "console.db")}
    env["COUNTERWATCH_SHARED_DATA"] = str(tmp_path)  # no shared data: a quick start
    return subprocess.run(
        [sys.executable, "main.py", "run"], input="/campaign list\n", cwd=ROOT,
        env=env | extra, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_console_logs_warnings_only_unless_a_level_is_chosen(tmp_path: Path) -> None:
    quiet = _console(tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert "No campaigns" in quiet.stdout
    assert " INFO " not in quiet.stderr, quiet.stderr
    chosen = _console(tmp_path, COUNTERWATCH_LOG_LEVEL="INFO")
    assert "INFO counterwatch: background loops started" in chosen.stderr, chosen.stderr


def test_the_console_says_where_the_campaign_pages_are(tmp_path: Path) -> None:
    port = _free_port()
    done = _console(tmp_path, COUNTERWATCH_WEB_PORT=str(port))
    assert f"Campaign pages: http://127.0.0.1:{port}." in done.stdout, done.stdout + done.stderr

"""A mistyped URL in the settings is one line naming the setting (exit 2), never a
traceback, and a database URL's password is never printed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.setting_values import SettingsError
from bot.core.settings import load_settings
from bot.core.urls import redacted

ROOT = Path(__file__).parents[2]
SECRET = "s3cr3t-Pa55"
CHAT_TOKENS = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when we return: nothing listens


def run_main(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in CHAT_TOKENS}
    base.pop("COUNTERWATCH_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


BAD = {
    "port notaport": (
        {"COUNTERWATCH_DATABASE_URL": f"postgresql://u:{SECRET}@127.0.0.1:notaport/cw"},
        "COUNTERWATCH_DATABASE_URL: the port must be a number",
    ),
    "unbalanced IPv6": (
        {"COUNTERWATCH_DATABASE_URL": f"postgresql://u:{SECRET}@[::1/cw"},
        "COUNTERWATCH_DATABASE_URL is not a valid URL",
    ),
    "query port": (
        {"COUNTERWATCH_DATABASE_URL": f"postgresql://h/cw?port=notaport&password={SECRET}"},
        "COUNTERWATCH_DATABASE_URL: the port must be a number",
    ),
    "slack credentials": (
        {
            "SLACK_BOT_TOKEN": "xoxb-1",
            "SLACK_SIGNING_SECRET": "x",
            "SLACK_API_URL": f"http://user:{SECRET}@127.0.0.1:9/api/",
        },
        "SLACK_API_URL must not carry a user name or password",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_url_is_one_line_and_exit_2(case: str, tmp_path: Path) -> None:
    env, said = BAD[case]
    done = run_main(env | {"COUNTERWATCH_DB": str(tmp_path / "x.db")}, "ask", "/help")
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == f"counterwatch: {said}" or said in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert SECRET not in done.stderr + done.stdout


def test_an_unreachable_server_names_it_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://127.0.0.1:{closed_port()}/cw?user=u&password={SECRET}"
    done = run_main({"COUNTERWATCH_DATABASE_URL": url}, "ask", "/help")
    assert done.returncode == 1, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Cannot open the PostgreSQL database" in done.stderr
    assert SECRET not in done.stderr and "password=***" in done.stderr


def test_settings_refuse_what_the_libraries_would_crash_on() -> None:
    for env in (value[0] for value in BAD.values()):
        with pytest.raises(SettingsError) as caught:
            load_settings(env)
        assert SECRET not in str(caught.value)
    load_settings({"COUNTERWATCH_DATABASE_URL": "postgresql://u:p@[::1]:5432/cw"})


def test_redacted_hides_both_kinds_of_password() -> None:
    assert redacted(f"postgresql://u:{SECRET}@h:5432/cw") == "postgresql://u:***@h:5432/cw"
    assert redacted(f"postgresql://h/cw?user=u&password={SECRET}") == (
        "postgresql://h/cw?user=u&password=***"
    )
    assert SECRET not in redacted(f"postgresql://u:{SECRET}@[::1/cw")

"""Misconfiguration is one line naming the cause, exit code 2, and nothing changed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import main

CHAT_VARIABLES = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for variable in (*CHAT_VARIABLES, "COUNTERWATCH_CONFIG", "COUNTERWATCH_HEALTH_PORT"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("COUNTERWATCH_DB", str(tmp_path / "fine.db"))
    return monkeypatch


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("variable", ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"])
def test_one_slack_variable_alone_is_an_error(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variable: str
) -> None:
    clean_env.setenv(variable, "x")
    assert main.main(["run"]) == 2
    err = one_line_error(capsys)
    assert "half-configured" in err and ("SLACK_BOT_TOKEN" in err)


def test_the_manifest_needs_no_tokens(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clean_env.setenv("SLACK_BOT_TOKEN", "x")
    assert main.main(["slack-manifest"]) == 0


def test_a_folder_as_database(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clean_env.setenv("COUNTERWATCH_DB", str(tmp_path))
    assert main.main(["ask", "/help"]) == 2
    err = one_line_error(capsys)
    assert "is a folder" in err and str(tmp_path) in err


def test_a_corrupt_database_is_left_alone(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is a shopping list, not a database\n" * 100)
    before = corrupt.read_bytes()
    clean_env.setenv("COUNTERWATCH_DB", str(corrupt))
    assert main.main(["ask", "/help"]) == 2
    err = one_line_error(capsys)
    assert "not a database" in err and str(corrupt) in err
    assert corrupt.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corrupt.db"]  # no -wal, no -shm


def test_a_read_only_database_is_refused(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "ro.db"
    clean_env.setenv("COUNTERWATCH_DB", str(path))
    assert main.main(["ask", "/help"]) == 0  # creates it
    capsys.readouterr()
    os.chmod(path, stat.S_IRUSR)
    before = path.read_bytes()
    try:
        assert main.main(["ask", "/help"]) == 2
        err = one_line_error(capsys)
        assert "read-only" in err and str(path) in err
        assert path.read_bytes() == before
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_a_missing_folder_is_named(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clean_env.setenv("COUNTERWATCH_DB", str(tmp_path / "nowhere" / "x.db"))
    assert main.main(["ask", "/help"]) == 2
    assert "does not exist" in one_line_error(capsys)

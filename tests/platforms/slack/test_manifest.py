"""The Slack app manifest generated from the registry, and `main.py slack-manifest`."""

from __future__ import annotations

import json

import pytest

import main
from bot.platforms.slack.manifest import build_manifest
from commands import build_registry


def test_manifest_lists_every_command_with_description_and_hint() -> None:
    registry = build_registry()
    manifest = build_manifest(registry, socket_mode=True)
    commands = {c["command"]: c for c in manifest["features"]["slash_commands"]}
    expected = {f"/{n}" for n in registry.top_level_names() if n != "help"} | {"/counterwatch"}
    assert set(commands) == expected
    for entry in commands.values():
        assert 0 < len(entry["description"]) <= 2000
        assert "url" not in entry
    if "/ring" in commands:
        assert "lookup <place>" in commands["/ring"]["usage_hint"]
    assert manifest["settings"]["socket_mode_enabled"] is True
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "files:write", "im:write", "users:read"} <= scopes


def test_http_manifest_points_every_command_at_the_events_url() -> None:
    manifest = build_manifest(build_registry(), socket_mode=False, url="https://cw.example")
    urls = {c["url"] for c in manifest["features"]["slash_commands"]}
    assert urls == {"https://cw.example/slack/events"}
    assert manifest["settings"]["socket_mode_enabled"] is False
    assert manifest["settings"]["interactivity"]["request_url"] == "https://cw.example/slack/events"
    with pytest.raises(ValueError):
        build_manifest(build_registry(), socket_mode=False)


def test_main_prints_the_manifest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["slack-manifest", "--http", "https://cw.example/slack/events"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["features"]["slash_commands"][0]["command"] == "/counterwatch"
    assert main.main(["slack-manifest"]) == 0
    assert json.loads(capsys.readouterr().out)["settings"]["socket_mode_enabled"] is True

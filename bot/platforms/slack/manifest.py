"""The Slack app manifest, generated from the registry (`python main.py slack-manifest`).

An organizer creates the Slack app by pasting this into api.slack.com/apps
("From an app manifest"). JSON is valid YAML, so the same text works in either box.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core.registry import Command, Registry

HELP_COMMAND = "/counterwatch"
HELP_NAME = "help"
BOT_SCOPES = ("commands", "chat:write", "files:write", "im:write", "users:read")
MAX_DESCRIPTION = 2000
MAX_USAGE_HINT = 1000
EVENTS_PATH = "/slack/events"


def slash_commands(registry: Registry) -> dict[str, str]:
    """Slack command -> registry top-level name: one per command or group, help as /counterwatch."""
    commands = {HELP_COMMAND: HELP_NAME}
    for name in registry.top_level_names():
        if name != HELP_NAME:
            commands[f"/{name}"] = name
    return commands


def _subcommands(registry: Registry, name: str) -> list[Command]:
    if registry.is_group(name):
        return registry.group(name)
    command = registry.get((name,))
    return [command] if command is not None else []


def usage_hint(registry: Registry, name: str) -> str:
    """What follows the slash command: `lookup <place> | stats`."""
    hints = []
    for command in _subcommands(registry, name):
        words = command.usage().split(" ", 1)  # drop "/name"
        hints.append(words[1] if len(words) > 1 else "")
    hint = " | ".join(h for h in hints if h)
    return hint[:MAX_USAGE_HINT]


def description(registry: Registry, name: str) -> str:
    commands = _subcommands(registry, name)
    if len(commands) == 1 and len(commands[0].path) == 1:
        text = commands[0].description
    else:
        text = "; ".join(f"{c.path[-1]}: {c.description}" for c in commands)
    return text[:MAX_DESCRIPTION]


def build_manifest(registry: Registry, *, socket_mode: bool, url: str = "") -> dict[str, Any]:
    """`url` is the public HTTPS address of /slack/events (HTTP mode only)."""
    if not socket_mode and not url:
        raise ValueError("HTTP mode needs the public URL of /slack/events")
    request_url = url if url.endswith(EVENTS_PATH) else url.rstrip("/") + EVENTS_PATH
    slash: list[dict[str, Any]] = []
    for slack_name, name in slash_commands(registry).items():
        entry: dict[str, Any] = {
            "command": slack_name,
            "description": description(registry, name),
            "should_escape": False,
        }
        hint = usage_hint(registry, name)
        if hint:
            entry["usage_hint"] = hint
        if not socket_mode:
            entry["url"] = request_url
        slash.append(entry)
    interactivity: dict[str, Any] = {"is_enabled": True}
    if not socket_mode:
        interactivity["request_url"] = request_url
        interactivity["message_menu_options_url"] = request_url
    return {
        "display_information": {
            "name": "Counterwatch",
            "description": "Facial-recognition moratoriums, Ring partnerships, letters, campaigns.",
        },
        "features": {
            "bot_user": {"display_name": "Counterwatch", "always_online": True},
            "slash_commands": slash,
        },
        "oauth_config": {"scopes": {"bot": list(BOT_SCOPES)}},
        "settings": {
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }


def manifest_text(registry: Registry, *, socket_mode: bool, url: str = "") -> str:
    return json.dumps(build_manifest(registry, socket_mode=socket_mode, url=url), indent=2)

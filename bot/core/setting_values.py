"""Parsing one setting's value: the names of the environment variables, ids, numbers and
shard ranges, each checked so that a typo stops the start with a message naming the variable.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

# setting name -> environment variable
ENV = {
    "db_path": "COUNTERWATCH_DB",
    "database_url": "COUNTERWATCH_DATABASE_URL",
    "log_level": "COUNTERWATCH_LOG_LEVEL",
    "discord_token": "DISCORD_TOKEN",
    "discord_api_base": "DISCORD_API_BASE",
    "discord_guild_id": "DISCORD_GUILD_ID",
    "discord_admin_role_ids": "DISCORD_ADMIN_ROLE_IDS",
    "discord_organizer_role_ids": "DISCORD_ORGANIZER_ROLE_IDS",
    "discord_notify_channel_id": "DISCORD_NOTIFY_CHANNEL_ID",
    "slack_bot_token": "SLACK_BOT_TOKEN",
    "slack_app_token": "SLACK_APP_TOKEN",
    "slack_signing_secret": "SLACK_SIGNING_SECRET",
    "slack_api_url": "SLACK_API_URL",
    "slack_port": "SLACK_PORT",
    "slack_admin_user_ids": "SLACK_ADMIN_USER_IDS",
    "slack_organizer_user_ids": "SLACK_ORGANIZER_USER_IDS",
    "slack_workspace_admins": "SLACK_WORKSPACE_ADMINS",
    "slack_notify_channel_id": "SLACK_NOTIFY_CHANNEL_ID",
    "health_port": "COUNTERWATCH_HEALTH_PORT",
    "health_host": "COUNTERWATCH_HEALTH_HOST",
    "health_token": "COUNTERWATCH_HEALTH_TOKEN",
    "discord_shard_count": "DISCORD_SHARD_COUNT",
    "discord_shard_ids": "DISCORD_SHARD_IDS",
    "slack_workers": "SLACK_WORKERS",
    "discord_home_guild_ids": "DISCORD_HOME_GUILD_IDS",
    "slack_home_team_ids": "SLACK_HOME_TEAM_IDS",
    "facts_admins": "COUNTERWATCH_FACTS_ADMINS",
    "web_port": "COUNTERWATCH_WEB_PORT",
    "web_host": "COUNTERWATCH_WEB_HOST",
    "public_url": "COUNTERWATCH_PUBLIC_URL",
    "web_secret": "COUNTERWATCH_WEB_SECRET",
}
NUMBERS = {
    "slack_port": 0,
    "health_port": 0,
    "web_port": 0,
    "discord_shard_count": 1,
    "slack_workers": 1,
}


class SettingsError(ValueError):
    """A configuration value that cannot be used; the message names it."""


def read_toml(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"cannot read config file {path}: {exc}") from None
    unknown = set(data) - set(ENV)
    if unknown:
        raise SettingsError(f"unknown setting(s) in {path}: {', '.join(sorted(unknown))}")
    return dict(data)


def id_set(value: object) -> frozenset[str]:
    if isinstance(value, list | tuple | set | frozenset):
        return frozenset(str(v).strip() for v in value if str(v).strip())
    return frozenset(part.strip() for part in str(value).split(",") if part.strip())


# Ids whose shape is known, so a typo is an error at start rather than a home nobody is in.
HOME_IDS = {
    "discord_home_guild_ids": (re.compile(r"\d{1,20}"), "a Discord server id (a number)"),
    "slack_home_team_ids": (re.compile(r"[TE][A-Z0-9]{1,20}"), "a Slack team id (T...)"),
}
_FACTS_ADMIN = re.compile(r"discord:\d{1,20}|slack:[TE][A-Z0-9]{1,20}:[UW][A-Z0-9]{1,20}")
_FACTS_ADMIN_SHAPE = "discord:<user id> or slack:<team id>:<user id>"


def checked_ids(name: str, value: object) -> frozenset[str]:
    pattern, shape = HOME_IDS.get(name, (_FACTS_ADMIN, _FACTS_ADMIN_SHAPE))
    ids = id_set(value)
    for one in sorted(ids):
        if not pattern.fullmatch(one):
            raise SettingsError(f"{ENV[name]}: {one[:40]!r} is not {shape}")
    return ids


def number(name: str, value: object) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SettingsError(f"{ENV[name]} must be a number, got {value!r}") from None
    if number < NUMBERS[name]:
        raise SettingsError(f"{ENV[name]} must be at least {NUMBERS[name]}, got {number}")
    return number


# Far beyond any bot's shard count; bounds what a typo like `0-99999999` would expand to.
MAX_SHARDS = 65_536
_SHARD_RANGE = re.compile(r"(\d+)(?:-(\d+))?")


def shard_ids(value: object) -> tuple[int, ...]:
    """DISCORD_SHARD_IDS: `0,2,5-7` (or a TOML list of numbers) -> (0, 2, 5, 6, 7)."""
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    found: set[int] = set()
    for part in (str(p).strip() for p in parts):
        if not part:
            continue
        match = _SHARD_RANGE.fullmatch(part)
        low = int(match.group(1)) if match else -1
        high = int(match.group(2) or low) if match else -1
        if not match or low > high or high >= MAX_SHARDS:
            raise SettingsError(
                f"DISCORD_SHARD_IDS: {part!r} is not a shard number or a range like 0-3"
            )
        found.update(range(low, high + 1))
    return tuple(sorted(found))

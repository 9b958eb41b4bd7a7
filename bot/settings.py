"""Settings are read once at start, from the environment and an optional TOML file.

The environment wins over the file, so a deployment can override one value.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DISCORD_API_BASE = "https://discord.com/api/v10"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"


@dataclass(frozen=True)
class Settings:
    db_path: str = "counterwatch.db"
    # A postgresql:// URL (several processes on one server); '' = the SQLite file db_path.
    database_url: str = ""
    log_level: str = "INFO"
    discord_token: str = ""
    discord_api_base: str = DEFAULT_DISCORD_API_BASE
    discord_guild_id: str = ""
    discord_admin_role_ids: frozenset[str] = field(default_factory=frozenset)
    discord_organizer_role_ids: frozenset[str] = field(default_factory=frozenset)
    # Where follow notifications go when a member's DMs are closed ('' = keep retrying the DM).
    discord_notify_channel_id: str = ""
    slack_bot_token: str = ""
    slack_app_token: str = ""
    slack_signing_secret: str = ""
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_port: int = 3000
    slack_admin_user_ids: frozenset[str] = field(default_factory=frozenset)
    slack_organizer_user_ids: frozenset[str] = field(default_factory=frozenset)
    # Workspace owners/admins (read with users.info) are Counterwatch admins too.
    slack_workspace_admins: bool = False
    slack_notify_channel_id: str = ""
    # Where /healthz and /metrics are served when the Slack HTTP server is not (0 = nowhere).
    health_port: int = 0

    @property
    def database(self) -> str:
        """What to open: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.database_url or self.db_path

    @property
    def uses_postgres(self) -> bool:
        return bool(self.database_url)

    @property
    def discord_enabled(self) -> bool:
        return bool(self.discord_token)

    @property
    def slack_socket_mode(self) -> bool:
        return bool(self.slack_bot_token and self.slack_app_token)

    @property
    def slack_http_mode(self) -> bool:
        return bool(self.slack_bot_token and self.slack_signing_secret and not self.slack_app_token)

    @property
    def slack_enabled(self) -> bool:
        return self.slack_socket_mode or self.slack_http_mode

    @property
    def chat_enabled(self) -> bool:
        return self.discord_enabled or self.slack_enabled


# setting name -> environment variable
_ENV = {
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
}


class SettingsError(ValueError):
    """A configuration value that cannot be used; the message names it."""


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    config_file = env.get("COUNTERWATCH_CONFIG", "")
    if config_file:
        values.update(_read_toml(Path(config_file)))
    for name, variable in _ENV.items():
        if env.get(variable, "") != "":
            values[name] = env[variable]
    return _build(values)


def _read_toml(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"cannot read config file {path}: {exc}") from None
    unknown = set(data) - set(_ENV)
    if unknown:
        raise SettingsError(f"unknown setting(s) in {path}: {', '.join(sorted(unknown))}")
    return dict(data)


def _id_set(value: object) -> frozenset[str]:
    if isinstance(value, list | tuple | set | frozenset):
        return frozenset(str(v).strip() for v in value if str(v).strip())
    return frozenset(part.strip() for part in str(value).split(",") if part.strip())


def _build(values: dict[str, object]) -> Settings:
    kwargs: dict[str, object] = {}
    for name, value in values.items():
        if name.endswith("_ids"):
            kwargs[name] = _id_set(value)
        elif name == "slack_workspace_admins":
            kwargs[name] = str(value).strip().lower() in ("1", "true", "yes", "on")
        elif name in ("slack_port", "health_port"):
            try:
                kwargs[name] = int(str(value))
            except ValueError:
                raise SettingsError(f"{_ENV[name]} must be a number, got {value!r}") from None
        else:
            kwargs[name] = str(value)
    level = str(kwargs.get("log_level", "INFO")).upper()
    if not isinstance(logging.getLevelName(level), int):
        raise SettingsError(f"COUNTERWATCH_LOG_LEVEL: unknown level {level!r}")
    kwargs["log_level"] = level
    return Settings(**kwargs)  # type: ignore[arg-type]


def check_slack_complete(settings: Settings) -> None:
    """A half-configured Slack is an error, not a silent fall-back to the console: someone
    who set one Slack variable meant to run on Slack and must hear which one is missing."""
    bot, app, secret = (
        settings.slack_bot_token,
        settings.slack_app_token,
        settings.slack_signing_secret,
    )
    if not (bot or app or secret) or settings.slack_enabled:
        return
    if not bot:
        raise SettingsError("Slack is half-configured: SLACK_BOT_TOKEN is not set")
    raise SettingsError(
        "Slack is half-configured: set SLACK_APP_TOKEN (Socket Mode) "
        "or SLACK_SIGNING_SECRET (HTTP mode) next to SLACK_BOT_TOKEN"
    )

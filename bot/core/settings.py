"""Settings are read once at start, from the environment and an optional TOML file.

The environment wins over the file, so a deployment can override one value.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.urls import BadUrl, check_api_url, check_database_url

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
    # /healthz and /metrics: their own server on this port (0 = none), bound to health_host
    # (loopback unless an operator opens it); on the public Slack port only with the token.
    health_port: int = 0
    health_host: str = "127.0.0.1"
    # Set: both routes ask for `Authorization: Bearer <token>`, wherever they are served.
    health_token: str = ""
    # Discord shards: 0 = one process, shard count from Discord; else the total, split across
    # processes by `discord_shard_ids` (empty = every shard in this process).
    discord_shard_count: int = 0
    discord_shard_ids: tuple[int, ...] = ()
    # Public campaign pages (/campaign publish): served on this port (0 = none), bound to
    # web_host; their links start with public_url ('' = http://127.0.0.1:<web_port>).
    web_port: int = 0
    web_host: str = "127.0.0.1"
    public_url: str = ""
    # The key signing the pages' form tokens; '' = a random one per process (a restart then
    # asks whoever had a form open to send it again).
    web_secret: str = ""
    # Slack HTTP worker processes sharing SLACK_PORT (SO_REUSEPORT); 1 = serve in this process.
    slack_workers: int = 1
    # Who may change the shared facts (docs/permissions.md): admins of these Discord servers
    # and Slack workspaces (the operator's home), and the people listed in `facts_admins`
    # ("discord:<user id>", "slack:<team id>:<user id>"). Admins anywhere else act on their
    # own workspace's campaigns and templates only.
    discord_home_guild_ids: frozenset[str] = field(default_factory=frozenset)
    slack_home_team_ids: frozenset[str] = field(default_factory=frozenset)
    facts_admins: frozenset[str] = field(default_factory=frozenset)

    @property
    def database(self) -> str:
        """What to open: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.database_url or self.db_path

    @property
    def uses_postgres(self) -> bool:
        return bool(self.database_url)

    @property
    def page_base_url(self) -> str:
        """Where published campaign pages are reached from outside, without a final slash."""
        return (self.public_url or f"http://127.0.0.1:{self.web_port}").rstrip("/")

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
    def discord_syncs_commands(self) -> bool:
        """Exactly one process of a split deployment syncs the commands: the one holding
        shard 0 (with no split, the only process does)."""
        return not self.discord_shard_ids or 0 in self.discord_shard_ids


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
_NUMBERS = {
    "slack_port": 0,
    "health_port": 0,
    "web_port": 0,
    "discord_shard_count": 1,
    "slack_workers": 1,
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
        if name == "discord_shard_ids":
            kwargs[name] = shard_ids(value)
        elif name in _HOME_IDS or name == "facts_admins":
            kwargs[name] = _checked_ids(name, value)
        elif name.endswith("_ids"):
            kwargs[name] = _id_set(value)
        elif name == "slack_workspace_admins":
            kwargs[name] = str(value).strip().lower() in ("1", "true", "yes", "on")
        elif name in _NUMBERS:
            kwargs[name] = _number(name, value)
        else:
            kwargs[name] = str(value)
    level = str(kwargs.get("log_level", "INFO")).upper()
    if not isinstance(logging.getLevelName(level), int):
        raise SettingsError(f"COUNTERWATCH_LOG_LEVEL: unknown level {level!r}")
    kwargs["log_level"] = level
    settings = Settings(**kwargs)  # type: ignore[arg-type]
    _check_shards(settings)
    _check_urls(settings)
    return settings


# Ids whose shape is known, so a typo is an error at start rather than a home nobody is in.
_HOME_IDS = {
    "discord_home_guild_ids": (re.compile(r"\d{1,20}"), "a Discord server id (a number)"),
    "slack_home_team_ids": (re.compile(r"[TE][A-Z0-9]{1,20}"), "a Slack team id (T...)"),
}
_FACTS_ADMIN = re.compile(r"discord:\d{1,20}|slack:[TE][A-Z0-9]{1,20}:[UW][A-Z0-9]{1,20}")
_FACTS_ADMIN_SHAPE = "discord:<user id> or slack:<team id>:<user id>"


def _checked_ids(name: str, value: object) -> frozenset[str]:
    pattern, shape = _HOME_IDS.get(name, (_FACTS_ADMIN, _FACTS_ADMIN_SHAPE))
    ids = _id_set(value)
    for one in sorted(ids):
        if not pattern.fullmatch(one):
            raise SettingsError(f"{_ENV[name]}: {one[:40]!r} is not {shape}")
    return ids


def _check_urls(settings: Settings) -> None:
    try:
        if settings.database_url:
            check_database_url(_ENV["database_url"], settings.database_url)
        check_api_url(_ENV["slack_api_url"], settings.slack_api_url)
        check_api_url(_ENV["discord_api_base"], settings.discord_api_base)
    except BadUrl as exc:
        raise SettingsError(str(exc)) from None


def _number(name: str, value: object) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SettingsError(f"{_ENV[name]} must be a number, got {value!r}") from None
    if number < _NUMBERS[name]:
        raise SettingsError(f"{_ENV[name]} must be at least {_NUMBERS[name]}, got {number}")
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


def _check_shards(settings: Settings) -> None:
    count, ids = settings.discord_shard_count, settings.discord_shard_ids
    if ids and not count:
        raise SettingsError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total) as well")
    beyond = [i for i in ids if i >= count]
    if beyond:
        raise SettingsError(
            f"DISCORD_SHARD_IDS: shard {beyond[0]} does not exist with DISCORD_SHARD_COUNT"
            f" {count} (shards are numbered 0 to {count - 1})"
        )


def check_slack_workers(settings: Settings) -> None:
    """Several workers share one HTTP port: Socket Mode has no port to share, and Discord
    is split by its own shard variables, not by SLACK_WORKERS."""
    if settings.slack_workers == 1:
        return
    if not settings.slack_http_mode:
        raise SettingsError("SLACK_WORKERS needs Slack over HTTP (SLACK_SIGNING_SECRET)")
    if settings.discord_enabled:
        raise SettingsError(
            "SLACK_WORKERS: run Discord in a process of its own (without SLACK_WORKERS)"
        )


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

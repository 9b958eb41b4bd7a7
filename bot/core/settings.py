"""Settings are read once at start, from the environment and an optional TOML file.

The environment wins over the file, so a deployment can override one value. How each value
is parsed and checked lives in bot/core/setting_values.py.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.setting_values import (
    ENV,
    HOME_IDS,
    NUMBERS,
    SettingsError,
    checked_ids,
    id_set,
    number,
    read_toml,
    shard_ids,
)
from bot.core.urls import BadUrl, check_api_url, check_database_url

DEFAULT_DISCORD_API_BASE = "https://discord.com/api/v10"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"


@dataclass(frozen=True)
class Settings:
    db_path: str = "counterwatch.db"
    # A postgresql:// URL (several processes on one server); '' = the SQLite file db_path.
    database_url: str = ""
    log_level: str = "INFO"
    # Whether COUNTERWATCH_LOG_LEVEL (or the file) named the level: the console, whose log
    # shares the terminal with the person typing, is quieter unless the operator chose.
    log_level_chosen: bool = False
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
    # The pause before every IDENTIFY but the first (discord.py's default, after Discord's
    # limit of max_concurrency IDENTIFYs per 5 s). Not read from the environment: only the
    # tests, against a fake gateway with no such limit, shorten it.
    discord_identify_pause_s: float = 5.0
    # How long discord.py waits for the next GUILD_CREATE before it calls the bot ready
    # (its `guild_ready_timeout`, default 2 s); likewise shortened only by the tests.
    discord_guild_ready_timeout_s: float = 2.0
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


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    config_file = env.get("COUNTERWATCH_CONFIG", "")
    if config_file:
        values.update(read_toml(Path(config_file)))
    for name, variable in ENV.items():
        if env.get(variable, "") != "":
            values[name] = env[variable]
    return _build(values)


def _build(values: dict[str, object]) -> Settings:
    kwargs: dict[str, object] = {}
    for name, value in values.items():
        if name == "discord_shard_ids":
            kwargs[name] = shard_ids(value)
        elif name in HOME_IDS or name == "facts_admins":
            kwargs[name] = checked_ids(name, value)
        elif name.endswith("_ids"):
            kwargs[name] = id_set(value)
        elif name == "slack_workspace_admins":
            kwargs[name] = str(value).strip().lower() in ("1", "true", "yes", "on")
        elif name in NUMBERS:
            kwargs[name] = number(name, value)
        else:
            kwargs[name] = str(value)
    level = str(kwargs.get("log_level", "INFO")).upper()
    if not isinstance(logging.getLevelName(level), int):
        raise SettingsError(f"COUNTERWATCH_LOG_LEVEL: unknown level {level!r}")
    kwargs["log_level"] = level
    kwargs["log_level_chosen"] = "log_level" in values
    settings = Settings(**kwargs)  # type: ignore[arg-type]
    _check_shards(settings)
    _check_urls(settings)
    return settings


def _check_urls(settings: Settings) -> None:
    try:
        if settings.database_url:
            check_database_url(ENV["database_url"], settings.database_url)
        check_api_url(ENV["slack_api_url"], settings.slack_api_url)
        check_api_url(ENV["discord_api_base"], settings.discord_api_base)
    except BadUrl as exc:
        raise SettingsError(str(exc)) from None


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

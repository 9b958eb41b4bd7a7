from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.setting_values import SettingsError
from bot.core.settings import check_slack_complete, load_settings


def test_defaults_mean_console() -> None:
    settings = load_settings({})
    assert settings.db_path == "counterwatch.db"
    assert not settings.discord_enabled and not settings.slack_enabled


def test_environment_overrides_file(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('db_path = "from-file.db"\ndiscord_admin_role_ids = ["1", "2"]\n')
    settings = load_settings(
        {
            "COUNTERWATCH_CONFIG": str(config),
            "COUNTERWATCH_DB": "env.db",
            "SLACK_BOT_TOKEN": "xoxb",
            "SLACK_SIGNING_SECRET": "s",
        }
    )
    assert settings.db_path == "env.db"
    assert settings.discord_admin_role_ids == frozenset({"1", "2"})
    assert settings.slack_http_mode and not settings.slack_socket_mode


@pytest.mark.parametrize("env", [{"SLACK_PORT": "abc"}, {"COUNTERWATCH_LOG_LEVEL": "LOUD"}])
def test_bad_values_are_named(env: dict[str, str]) -> None:
    with pytest.raises(SettingsError):
        load_settings(env)


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_APP_TOKEN": "xapp"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_APP_TOKEN": "xapp", "SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
    ],
)
def test_a_half_configured_slack_names_the_missing_variable(
    env: dict[str, str], missing: str
) -> None:
    with pytest.raises(SettingsError, match=missing) as raised:
        check_slack_complete(load_settings(env))
    assert "\n" not in str(raised.value)


def test_health_port_is_a_number() -> None:
    assert load_settings({"COUNTERWATCH_HEALTH_PORT": "9100"}).health_port == 9100
    with pytest.raises(SettingsError, match="COUNTERWATCH_HEALTH_PORT"):
        load_settings({"COUNTERWATCH_HEALTH_PORT": "nine"})

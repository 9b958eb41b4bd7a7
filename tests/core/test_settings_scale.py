"""DISCORD_SHARD_COUNT, DISCORD_SHARD_IDS and SLACK_WORKERS: read, checked, refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.setting_values import SettingsError
from bot.core.settings import check_slack_workers, load_settings

HTTP_SLACK = {"SLACK_BOT_TOKEN": "xoxb", "SLACK_SIGNING_SECRET": "s"}


def test_unset_means_one_process_with_every_shard_and_one_worker() -> None:
    settings = load_settings({})
    assert (settings.discord_shard_count, settings.discord_shard_ids) == (0, ())
    assert settings.slack_workers == 1 and settings.discord_syncs_commands


@pytest.mark.parametrize(
    ("ids", "expected"),
    [("0", (0,)), ("1, 3", (1, 3)), ("0-3", (0, 1, 2, 3)), ("4-5,0,5", (0, 4, 5))],
)
def test_shard_ids_take_numbers_and_ranges(ids: str, expected: tuple[int, ...]) -> None:
    settings = load_settings({"DISCORD_SHARD_COUNT": "8", "DISCORD_SHARD_IDS": ids})
    assert settings.discord_shard_count == 8 and settings.discord_shard_ids == expected


def test_a_toml_list_of_shards_is_read(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("discord_shard_count = 4\ndiscord_shard_ids = [2, 3]\nslack_workers = 3\n")
    settings = load_settings({"COUNTERWATCH_CONFIG": str(config)})
    assert settings.discord_shard_ids == (2, 3) and settings.slack_workers == 3


def test_only_the_process_holding_shard_0_syncs_commands() -> None:
    first = load_settings({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0"})
    second = load_settings({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "1"})
    every = load_settings({"DISCORD_SHARD_COUNT": "2"})
    assert (first.discord_syncs_commands, second.discord_syncs_commands) == (True, False)
    assert every.discord_syncs_commands


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"DISCORD_SHARD_COUNT": "0"}, "DISCORD_SHARD_COUNT must be at least 1"),
        ({"DISCORD_SHARD_COUNT": "two"}, "DISCORD_SHARD_COUNT must be a number"),
        ({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "2"}, "shard 2 does not exist"),
        ({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0-x"}, "'0-x' is not a shard"),
        ({"DISCORD_SHARD_COUNT": "9", "DISCORD_SHARD_IDS": "3-1"}, "'3-1' is not a shard"),
        ({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0-"}, "'0-' is not a shard"),
        ({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0-99999999"}, "is not a shard"),
        ({"DISCORD_SHARD_IDS": "0"}, "needs DISCORD_SHARD_COUNT"),
        ({"SLACK_WORKERS": "0"}, "SLACK_WORKERS must be at least 1"),
        ({"SLACK_WORKERS": "-2"}, "SLACK_WORKERS must be at least 1"),
    ],
)
def test_bad_scale_values_are_one_clear_line(env: dict[str, str], words: str) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings(env)
    assert words in str(refused.value) and "\n" not in str(refused.value)


def test_workers_need_slack_over_http_and_no_discord_beside_them() -> None:
    check_slack_workers(load_settings({**HTTP_SLACK, "SLACK_WORKERS": "2"}))  # accepted
    socket_mode = {"SLACK_BOT_TOKEN": "xoxb", "SLACK_APP_TOKEN": "xapp", "SLACK_WORKERS": "2"}
    with pytest.raises(SettingsError, match="needs Slack over HTTP"):
        check_slack_workers(load_settings(socket_mode))
    with_discord = {**HTTP_SLACK, "SLACK_WORKERS": "2", "DISCORD_TOKEN": "t"}
    with pytest.raises(SettingsError, match="Discord in a process of its own"):
        check_slack_workers(load_settings(with_discord))

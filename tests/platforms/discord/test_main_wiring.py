"""main.py wiring: `discord-sync` as a real process against the fake, and the runner list."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.core.settings import Settings
from bot.platforms.discord import run_discord
from testkit.fake_discord import FakeDiscord, payloads
from wiring import chat_platforms

REPO = Path(__file__).parents[3]


async def run_main(env: dict[str, str], *args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(REPO / "main.py"),
        *args,
        env={**os.environ, **env},
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode()


async def test_discord_sync_subcommand_syncs_to_the_guild(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    env = {
        "DISCORD_TOKEN": "fake-token",
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GUILD_ID": payloads.GUILD_ID,
        "COUNTERWATCH_DB": str(tmp_path / "sync.db"),
    }
    code, out = await run_main(env, "discord-sync")
    assert code == 0, out
    names = [c["name"] for c in fake.commands[payloads.GUILD_ID]]
    assert "help" in names and f"synced {len(names)} commands" in out
    assert not fake.gateway.identifies  # REST only


def test_discord_runs_when_a_token_is_set() -> None:
    assert run_discord in chat_platforms(Settings(discord_token="t"))
    assert run_discord not in chat_platforms(Settings())


async def test_main_run_serves_discord_and_exits_cleanly_on_sigterm(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    env = {
        "DISCORD_TOKEN": "fake-token",
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GUILD_ID": payloads.GUILD_ID,
        "COUNTERWATCH_DB": str(tmp_path / "run.db"),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(REPO / "main.py"),
        "run",
        env={**os.environ, **env},
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        await asyncio.wait_for(fake.gateway.connected.wait(), 60)
        sent = await fake.send_interaction("/help")
        callback = await fake.callback(sent)
        assert callback.body["type"] == 4
    finally:
        process.terminate()  # SIGTERM
        out, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, out.decode()[-2000:]
    assert "discord: stopped" in out.decode()


async def test_a_shard_beyond_the_count_is_one_line_at_start(tmp_path: Path) -> None:
    env = {
        "DISCORD_TOKEN": "fake-token",
        "DISCORD_SHARD_COUNT": "2",
        "DISCORD_SHARD_IDS": "1-2",
        "COUNTERWATCH_DB": str(tmp_path / "never.db"),
    }
    code, out = await run_main(env, "run")
    assert code == 2
    assert out.strip().splitlines() == [
        "counterwatch: DISCORD_SHARD_IDS: shard 2 does not exist with DISCORD_SHARD_COUNT 2"
        " (shards are numbered 0 to 1)"
    ]
    assert not (tmp_path / "never.db").exists()

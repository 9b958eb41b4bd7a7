"""Discord adapter: the only package that imports discord.py.

`run_discord` serves every registry command as a native slash command;
`sync_only` backs `python main.py discord-sync`.
"""

from bot.platforms.discord.runner import run_discord, sync_only

__all__ = ["run_discord", "sync_only"]

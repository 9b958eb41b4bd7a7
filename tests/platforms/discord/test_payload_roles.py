"""The one private attribute the project reads (discord.py's `Member._roles`): if an upgrade
moves it, these fail at once (and the module refuses to load), instead of admins silently
passing for members. The end-to-end proof, a real interaction from a guild discord.py never
cached, is `test_roles_come_from_the_interaction_when_its_guild_was_never_cached` in
test_interactions.py."""

from __future__ import annotations

import discord

from bot.platforms.discord import payload_roles


def test_the_installed_discord_py_keeps_the_payload_role_ids() -> None:
    assert payload_roles.library_supported(), discord.__version__

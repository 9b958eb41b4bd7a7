"""Who is typing: a Discord interaction's user, as a platform-neutral Identity."""

from __future__ import annotations

import discord

from bot.core.dispatch import Identity
from bot.core.home import discord_facts_admin
from bot.core.models import DIRECT_MESSAGES, Role
from bot.core.registry import AutocompleteContext
from bot.core.settings import Settings
from bot.platforms.discord.payload_roles import payload_role_ids

PLATFORM = "discord"
DM_WORKSPACE = DIRECT_MESSAGES


def workspace_of(interaction: discord.Interaction) -> str:
    return str(interaction.guild_id) if interaction.guild_id else DM_WORKSPACE


def role_of(interaction: discord.Interaction, settings: Settings) -> Role:
    """Admin of this server by configured role or Manage Server; organizer by configured
    role; else member. The rank reaches this server's campaigns and templates; the shared
    facts need `facts_admin_of` as well.

    Read from the interaction payload alone (`member.roles`, `member.permissions`), never
    from the guild cache: an interaction can arrive before its GUILD_CREATE. Outside a
    server (DMs) everybody is a member: roles only mean something in a guild.
    """
    user = interaction.user
    if interaction.guild_id is None or not isinstance(user, discord.Member):
        return Role.MEMBER
    role_ids = payload_role_ids(user)
    permissions = interaction.permissions  # the payload's `member.permissions`
    if role_ids & settings.discord_admin_role_ids:
        return Role.ADMIN
    if permissions.manage_guild or permissions.administrator:
        return Role.ADMIN
    if role_ids & settings.discord_organizer_role_ids:
        return Role.ORGANIZER
    return Role.MEMBER


def facts_admin_of(interaction: discord.Interaction, role: Role, settings: Settings) -> bool:
    """An admin of a home server (DISCORD_HOME_GUILD_IDS), or a listed user id: Manage
    Server anywhere else is whoever added the bot to a server of their own."""
    guild_id = str(interaction.guild_id) if interaction.guild_id else None
    user_id = str(interaction.user.id)
    return discord_facts_admin(settings, guild_id, user_id, role >= Role.ADMIN)


def identity_of(interaction: discord.Interaction, settings: Settings) -> Identity:
    role = role_of(interaction, settings)
    return Identity(
        platform=PLATFORM,
        workspace=workspace_of(interaction),
        user_id=str(interaction.user.id),
        user_name=interaction.user.display_name,
        role=role,
        channel=str(interaction.channel_id or ""),
        facts_admin=facts_admin_of(interaction, role, settings),
        # The member's Discord client language ('es-ES', 'es-419'), sent with every
        # interaction: what they read unless they chose otherwise with /language.
        locale=interaction.locale.value,
        # The server's own language (its "preferred locale"; a server that is not a
        # Community server says en-US): what its channel posts follow unless its admins
        # stored a default with /language workspace:yes. None outside a server.
        workspace_locale=interaction.guild_locale.value if interaction.guild_locale else "",
    )


def autocomplete_context(interaction: discord.Interaction) -> AutocompleteContext:
    return AutocompleteContext(
        platform=PLATFORM, workspace=workspace_of(interaction), user_id=str(interaction.user.id)
    )

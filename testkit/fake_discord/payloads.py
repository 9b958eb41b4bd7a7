"""JSON payloads shaped like Discord's (API v10), as the fake sends them."""

from __future__ import annotations

import itertools
from typing import Any

APP_ID = "900000000000000001"
BOT_USER_ID = APP_ID
GUILD_ID = "800000000000000001"
# A server the fake never announces with GUILD_CREATE (discord.py has no cache for it).
UNCACHED_GUILD_ID = "800000000000000002"
CHANNEL_ID = "810000000000000001"
ADMIN_ROLE_ID = "820000000000000001"
ORGANIZER_ROLE_ID = "820000000000000002"
TIMESTAMP = "2026-11-26T12:00:00.000000+00:00"
MANAGE_GUILD = 1 << 5
# View channel, send messages, read history: what a plain member has in a channel.
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 16)

_ids = itertools.count(1)


def snowflake() -> str:
    """A fresh id, increasing like Discord's."""
    return str(1_000_000_000_000_000_000 + next(_ids))


def user(user_id: str, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": user_id,
        "username": name,
        "global_name": name.title(),
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
    }


BOT_USER = user(BOT_USER_ID, "counterwatch", bot=True)


def application() -> dict[str, Any]:
    return {
        "id": APP_ID,
        "name": "Counterwatch",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user("700000000000000001", "owner"),
        "verify_key": "00" * 32,
        "flags": 0,
        "team": None,
        "summary": "",
        "interactions_endpoint_url": None,
    }


def role(role_id: str, name: str, position: int, permissions: int = 0) -> dict[str, Any]:
    return {
        "id": role_id,
        "name": name,
        "color": 0,
        "hoist": False,
        "position": position,
        "permissions": str(permissions),
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def guild() -> dict[str, Any]:
    return {
        "id": GUILD_ID,
        "name": "Test Organizers",
        "icon": None,
        "owner_id": "700000000000000001",
        "afk_channel_id": None,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "features": [],
        "mfa_level": 0,
        "system_channel_id": None,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "nsfw_level": 0,
        "unavailable": False,
        "member_count": 3,
        "large": False,
        "joined_at": TIMESTAMP,
        "roles": [
            role(GUILD_ID, "@everyone", 0, MEMBER_PERMISSIONS),
            role(ORGANIZER_ROLE_ID, "organizers", 1),
            role(ADMIN_ROLE_ID, "data stewards", 2),
        ],
        "emojis": [],
        "stickers": [],
        "members": [],
        "voice_states": [],
        "presences": [],
        "threads": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "channels": [text_channel(GUILD_ID)],
    }


def text_channel(guild_id: str) -> dict[str, Any]:
    """#general, as GUILD_CREATE lists it and as an interaction's `channel` carries it."""
    return {
        "id": CHANNEL_ID,
        "type": 0,
        "guild_id": guild_id,
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
        "permissions": str(MEMBER_PERMISSIONS),
    }


def ready(
    session_id: str, resume_url: str, shard: tuple[int, int] = (0, 1), holds_guild: bool = True
) -> dict[str, Any]:
    return {
        "v": 10,
        "user": BOT_USER,
        "guilds": [{"id": GUILD_ID, "unavailable": True}] if holds_guild else [],
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "shard": list(shard),
        "application": {"id": APP_ID, "flags": 0},
    }


def message(channel_id: str, content: str | None, *, flags: int = 0) -> dict[str, Any]:
    return {
        "id": snowflake(),
        "channel_id": channel_id,
        "author": BOT_USER,
        "content": content or "",
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": flags,
        "components": [],
    }


def dm_channel(channel_id: str, recipient_id: str) -> dict[str, Any]:
    return {
        "id": channel_id,
        "type": 1,
        "last_message_id": None,
        "recipients": [user(recipient_id, f"user{recipient_id[-4:]}")],
    }


def as_held(command: dict[str, Any]) -> dict[str, Any]:
    """A synced command as Discord answers it: permissions as a string, defaults filled in
    where the client sent null, `required: false` left out of options."""
    held = {**command, "options": [_held_option(o) for o in command.get("options", [])]}
    permissions = command.get("default_member_permissions")
    held["default_member_permissions"] = None if permissions is None else str(permissions)
    if held.get("integration_types") is None:
        held["integration_types"] = [0]
    held.setdefault("name_localizations", None)
    held.setdefault("description_localizations", None)
    return held


def _held_option(option: dict[str, Any]) -> dict[str, Any]:
    held = {k: v for k, v in option.items() if not (k == "required" and v is False)}
    if "options" in option:
        held["options"] = [_held_option(o) for o in option["options"]]
    return held

"""Registering the slash commands with Discord; at start, only when they changed.

Discord rate-limits command registration (a daily quota of command creates per scope, on
top of the usual 429s), so a bot that PUTs its whole command list on every restart can be
locked out of changing it. At start the bot GETs the commands Discord already has and PUTs
only when they differ from the ones generated from the registry; `main.py discord-sync`
always PUTs.

Why compare with Discord rather than store a hash of the last payload: Discord is the only
authority on what it holds. A stored hash goes stale whenever the commands change by
another route (a `discord-sync` from another machine or database, a second deployment on the
same application, commands deleted in the developer portal) and the bot would then never
repair them; it would also need a table in the shared database. The GET costs one request
per start, in a different rate-limit bucket from the PUT.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.http import Route

log = logging.getLogger("counterwatch.discord")

# Assigned by Discord, never sent.
_ASSIGNED = frozenset({"id", "application_id", "version", "guild_id"})
# Sent as null to mean "Discord's default", which Discord reports filled in (for example
# integration_types [0]): what Discord reports for them is not a difference.
_FILLED_BY_DISCORD = frozenset({"contexts", "integration_types"})
# Values equal to Discord's defaults, which Discord may omit when it reports them.
_DEFAULTS: dict[str, object] = {
    "type": 1,
    "nsfw": False,
    "dm_permission": True,
    "required": False,
    "autocomplete": False,
}


async def sync_commands(
    client: discord.Client,
    tree: app_commands.CommandTree[Any],
    guild_id: str,
    *,
    only_if_changed: bool,
) -> list[app_commands.AppCommand] | None:
    """To the guild `guild_id` (DISCORD_GUILD_ID) at once when set (development), globally
    otherwise. Returns the commands Discord now holds, or None when already up to date.
    """
    guild = _target(tree, guild_id)
    where = f"guild {guild.id}" if guild else "global"
    if only_if_changed and not await _differs(client, tree, guild):
        log.info("%s commands already up to date on Discord; not syncing", where)
        return None
    synced = await tree.sync(guild=guild)
    log.info("synced %d %s commands", len(synced), where)
    return synced


def _target(tree: app_commands.CommandTree[Any], guild_id: str) -> discord.Object | None:
    if not guild_id:
        return None  # global commands may take a while to appear
    if not guild_id.isdigit():
        raise ValueError(f"DISCORD_GUILD_ID must be a numeric server id, got {guild_id!r}")
    guild = discord.Object(id=int(guild_id))
    tree.copy_global_to(guild=guild)
    return guild


async def _differs(
    client: discord.Client, tree: app_commands.CommandTree[Any], guild: discord.Object | None
) -> bool:
    """Whether the generated commands differ from those Discord holds (or cannot be read)."""
    wanted = await _payload(tree, guild)
    app_id = client.application_id
    if app_id is None:
        return True
    try:
        # The raw JSON, not `tree.fetch_commands`: its AppCommand objects drop fields
        # (default_member_permissions, nsfw) that a change may touch; with the localizations,
        # which Discord leaves out unless asked (a changed translation is a difference too).
        held = await client.http.request(_held_route(app_id, guild), params=_LOCALIZED)
    except discord.HTTPException as exc:
        log.warning("could not read the registered commands (%s); syncing", exc.status)
        return True
    return not same_commands(wanted, list(held))


_LOCALIZED = {"with_localizations": "true"}


def _held_route(app_id: int, guild: discord.Object | None) -> Route:
    if guild is None:
        return Route("GET", "/applications/{application_id}/commands", application_id=app_id)
    path = "/applications/{application_id}/guilds/{guild_id}/commands"
    return Route("GET", path, application_id=app_id, guild_id=guild.id)


async def _payload(
    tree: app_commands.CommandTree[Any], guild: discord.Object | None
) -> list[dict[str, Any]]:
    """What `tree.sync` would PUT: translated (name and description localizations) when a
    translator is set, as discord.py builds it."""
    commands = tree.get_commands(guild=guild)
    translator = tree.translator
    if translator is None:
        return [command.to_dict(tree) for command in commands]
    return [await command.get_translated_payload(tree, translator) for command in commands]


def same_commands(wanted: list[dict[str, Any]], held: list[Any]) -> bool:
    """Whether Discord's `held` commands are the `wanted` payload, up to Discord's defaults."""
    wanted_by_key = {_key(c): c for c in wanted}
    held_by_key = {_key(c): c for c in held}
    if wanted_by_key.keys() != held_by_key.keys():
        return False
    for key, ours in wanted_by_key.items():
        ignored = {k for k in _FILLED_BY_DISCORD if ours.get(k) is None}
        if _canonical(ours, ignored) != _canonical(held_by_key[key], ignored):
            return False
    return True


def _key(command: dict[str, Any]) -> tuple[int, str]:
    return int(command.get("type") or 1), str(command.get("name"))


def _canonical(value: Any, ignored: set[str] | frozenset[str] = frozenset()) -> Any:
    """`value` with assigned keys and default values removed, permissions as a string."""
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    if not isinstance(value, dict):
        return value
    result: dict[str, Any] = {}
    for key, item in value.items():
        if key in _ASSIGNED or key in ignored or _is_default(key, item):
            continue
        if key == "default_member_permissions":
            item = str(item)  # discord.py sends an int, Discord answers a string
        result[key] = _canonical(item)
    return result


def _is_default(key: str, value: Any) -> bool:
    if value is None or value == [] or value == {}:
        return True
    default = _DEFAULTS.get(key, _NO_DEFAULT)
    return type(value) is type(default) and value == default


_NO_DEFAULT = object()

"""INTERACTION_CREATE payloads built from the commands the bot synced, as Discord's client does.

The option types come from the synced definitions, so a test only names the
command and the values: `build(definition, ["ring", "lookup"], {"place": "x"})`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from testkit.fake_discord import payloads

APPLICATION_COMMAND = 2
AUTOCOMPLETE = 4
SUBCOMMAND = 1
ATTACHMENT_OPTION = 11


@dataclass(frozen=True)
class Invoker:
    """The person running the command."""

    user_id: str = "600000000000000001"
    name: str = "alice"
    roles: tuple[str, ...] = ()
    permissions: int = payloads.MEMBER_PERMISSIONS
    in_guild: bool = True
    guild_id: str = payloads.GUILD_ID
    locale: str = "en-US"  # the Discord client's language, sent with every interaction
    # The server's language (its preferred locale), sent with every interaction in a server.
    guild_locale: str = "en-US"


@dataclass(frozen=True)
class UploadedFile:
    """A file the user attached; the fake serves its bytes at `url`."""

    attachment_id: str
    filename: str
    size: int
    url: str


def build(
    kind: int,
    definition: dict[str, Any],
    path: list[str],
    values: dict[str, object],
    invoker: Invoker,
    *,
    focused: str | None = None,
    uploads: dict[str, UploadedFile] | None = None,
) -> dict[str, Any]:
    uploads = uploads or {}
    leaf, options = _leaf(definition, path)
    resolved: dict[str, Any] = {}
    given = [_option(leaf, name, value, name == focused, uploads) for name, value in values.items()]
    if uploads:
        resolved["attachments"] = {
            f.attachment_id: {
                "id": f.attachment_id,
                "filename": f.filename,
                "size": f.size,
                "url": f.url,
                "proxy_url": f.url,
                "content_type": "text/csv",
            }
            for f in uploads.values()
        }
    if leaf is not definition:
        options = [{"type": SUBCOMMAND, "name": leaf["name"], "options": given}]
    else:
        options = given
    data: dict[str, Any] = {
        "id": definition["id"],
        "name": definition["name"],
        "type": 1,
        "options": options,
        "resolved": resolved,
    }
    if definition.get("guild_id"):
        data["guild_id"] = definition["guild_id"]
    payload: dict[str, Any] = {
        "id": payloads.snowflake(),
        "application_id": payloads.APP_ID,
        "type": kind,
        "token": "tok-" + payloads.snowflake(),
        "version": 1,
        "data": data,
        "locale": invoker.locale,
        "app_permissions": str(payloads.MEMBER_PERMISSIONS),
        "attachment_size_limit": 25 * 1024 * 1024,
        "entitlements": [],
    }
    payload.update(_where(invoker))
    return payload


def _leaf(definition: dict[str, Any], path: list[str]) -> tuple[dict[str, Any], list[Any]]:
    if len(path) == 1:
        return definition, definition.get("options", [])
    for sub in definition.get("options", []):
        if sub["type"] == SUBCOMMAND and sub["name"] == path[1]:
            return sub, sub.get("options", [])
    raise KeyError(f"no subcommand {path[1]!r} in /{definition['name']}")


def _option(
    leaf: dict[str, Any],
    name: str,
    value: object,
    focused: bool,
    uploads: dict[str, UploadedFile],
) -> dict[str, Any]:
    spec = next((o for o in leaf.get("options", []) if o["name"] == name), None)
    if spec is None:
        raise KeyError(f"/{leaf['name']} has no option {name!r}")
    if spec["type"] == ATTACHMENT_OPTION:
        value = uploads[name].attachment_id
    option: dict[str, Any] = {"type": spec["type"], "name": name, "value": value}
    if focused:
        option["focused"] = True
    return option


def _where(invoker: Invoker) -> dict[str, Any]:
    who = payloads.user(invoker.user_id, invoker.name)
    if not invoker.in_guild:
        dm_id = "830000000000000001"
        return {
            "user": who,
            "channel_id": dm_id,
            "channel": payloads.dm_channel(dm_id, invoker.user_id),
            "context": 1,
        }
    return {
        "guild_id": invoker.guild_id,
        "guild_locale": invoker.guild_locale,
        "channel_id": payloads.CHANNEL_ID,
        "channel": payloads.text_channel(invoker.guild_id),
        "member": {
            "user": who,
            "roles": list(invoker.roles),
            "joined_at": payloads.TIMESTAMP,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": str(invoker.permissions),
        },
        "context": 0,
    }


MESSAGE_COMPONENT = 3
BUTTON = 2


def component(custom_id: str, message: dict[str, Any], invoker: Invoker) -> dict[str, Any]:
    """INTERACTION_CREATE for a click on the button `custom_id` of `message` (type 3), as
    Discord sends it: the message the button is on travels with the click."""
    payload: dict[str, Any] = {
        "id": payloads.snowflake(),
        "application_id": payloads.APP_ID,
        "type": MESSAGE_COMPONENT,
        "token": "tok-" + payloads.snowflake(),
        "version": 1,
        "data": {"custom_id": custom_id, "component_type": BUTTON},
        "message": message,
        "locale": invoker.locale,
        "app_permissions": str(payloads.MEMBER_PERMISSIONS),
        "attachment_size_limit": 25 * 1024 * 1024,
        "entitlements": [],
    }
    payload.update(_where(invoker))
    return payload

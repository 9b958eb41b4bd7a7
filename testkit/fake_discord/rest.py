"""The fake Discord's REST routes: what each API v10 call answers, and the state the
answers keep (synced commands, held channel messages, DM channels).

JSON answers carry `Content-Type: application/json` exactly, as discord.py requires.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from testkit.fake_discord import payloads
from testkit.fake_discord.gateway import Gateway

API = "/api/v10"
CHANNEL_MESSAGE = 4  # an interaction callback that posts a message
EPHEMERAL = 64


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    query: dict[str, str]
    body: Any  # the JSON body (or multipart `payload_json`), None when empty
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    at: float = field(default_factory=time.perf_counter)  # arrival, for benchmarks


def json_response(data: Any, status: int = 200) -> web.Response:
    return web.Response(
        status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"}
    )


class DiscordRest:
    """The REST side's state and routes; FakeDiscord serves them and adds what tests call."""

    gateway: Gateway

    def __init__(self) -> None:
        self.commands: dict[str | None, list[dict[str, Any]]] = {}  # guild id (None: global)
        self.closed_dm_users: set[str] = set()
        self.dm_channels: dict[str, str] = {}  # DM channel id -> recipient user id
        self.expire_next_callbacks = 0  # that many callbacks get 404 Unknown interaction
        self.recommended_shards = 1  # what GET /gateway/bot advises
        # Public messages the bot posted (callbacks and follow-ups), by message id, as
        # Discord holds them; PATCH edits them, DELETE (or `delete_message`) removes them.
        self.messages: dict[str, dict[str, Any]] = {}
        self.response_message_ids: dict[str, str] = {}  # interaction id -> its message's id

    def answer(self, r: Received, parts: list[str]) -> web.Response:
        route = (r.method, *parts)
        if route == ("GET", "users", "@me"):
            return json_response(payloads.BOT_USER)
        if route == ("GET", "oauth2", "applications", "@me"):
            return json_response(payloads.application())
        if route == ("GET", "gateway", "bot"):
            limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            shards = self.recommended_shards
            return json_response(
                {"url": self.gateway.ws_url, "shards": shards, "session_start_limit": limit}
            )
        if parts[0] == "applications" and parts[-1] == "commands":
            guild_id = parts[3] if len(parts) == 5 else None
            if r.method == "PUT":
                return self._sync(r, guild_id)
            if r.method == "GET":
                return json_response(self.commands.get(guild_id, []))
        if r.method == "POST" and parts[0] == "interactions":
            if self.expire_next_callbacks > 0:
                self.expire_next_callbacks -= 1
                return json_response({"code": 10062, "message": "Unknown interaction"}, status=404)
            answer = callback_answer(parts[1], r.body)
            message_id = answer["interaction"]["response_message_id"]
            self.response_message_ids[parts[1]] = message_id
            if (r.body or {}).get("type") == CHANNEL_MESSAGE:
                self._hold(message_id, payloads.CHANNEL_ID, r.body.get("data") or {})
            return json_response(answer)
        if parts[0] == "webhooks":
            if r.method == "DELETE":
                return web.Response(status=204)
            message = payloads.message(payloads.CHANNEL_ID, (r.body or {}).get("content"))
            self._hold(message["id"], payloads.CHANNEL_ID, r.body or {})
            return json_response(message)
        if parts[0] == "channels" and len(parts) == 4 and parts[2] == "messages":
            return self._message_route(r, parts[1], parts[3])
        if route == ("POST", "users", "@me", "channels"):
            channel_id = payloads.snowflake()
            self.dm_channels[channel_id] = str(r.body["recipient_id"])
            return json_response(payloads.dm_channel(channel_id, self.dm_channels[channel_id]))
        if r.method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            if self.dm_channels.get(parts[1]) in self.closed_dm_users:
                error = {"code": 50007, "message": "Cannot send messages to this user"}
                return json_response(error, status=403)
            return json_response(payloads.message(parts[1], r.body.get("content")))
        return json_response({"code": 0, "message": "404: Not Found"}, status=404)

    def _hold(self, message_id: str, channel_id: str, data: dict[str, Any]) -> None:
        if (data.get("flags") or 0) & EPHEMERAL:
            return  # an ephemeral message is nobody's to edit later
        message = payloads.message(channel_id, data.get("content"))
        message.update(id=message_id, embeds=data.get("embeds") or [])
        message["components"] = [held_row(row) for row in data.get("components") or []]
        self.messages[message_id] = message

    def _message_route(self, r: Received, channel_id: str, message_id: str) -> web.Response:
        """PATCH (edit) and DELETE of a channel message; 404 Unknown Message once it is gone."""
        held = self.messages.get(message_id)
        if held is None or held["channel_id"] != channel_id:
            return json_response({"code": 10008, "message": "Unknown Message"}, status=404)
        if r.method == "DELETE":
            del self.messages[message_id]
            return web.Response(status=204)
        body = r.body or {}
        if "content" in body:
            held["content"] = body["content"] or ""
        if "embeds" in body:
            held["embeds"] = body["embeds"] or []
        if "components" in body:
            held["components"] = [held_row(row) for row in body["components"] or []]
        held["edited_timestamp"] = payloads.TIMESTAMP
        return json_response(held)

    def _sync(self, r: Received, guild_id: str | None) -> web.Response:
        stored = []
        for command in r.body:
            saved = {**payloads.as_held(command), "id": payloads.snowflake()}
            saved.update({"application_id": payloads.APP_ID, "version": payloads.snowflake()})
            if guild_id:
                saved["guild_id"] = guild_id
            stored.append(saved)
        self.commands[guild_id] = stored
        return json_response(stored)


def held_row(row: dict[str, Any]) -> dict[str, Any]:
    """An action row as Discord returns it: each component gets an id, unset keys dropped."""
    held = [
        {**{k: v for k, v in c.items() if v is not None}, "id": n}
        for n, c in enumerate(row.get("components") or [], start=2)
    ]
    return {"type": row.get("type", 1), "id": 1, "components": held}


def callback_answer(interaction_id: str, body: dict[str, Any] | None) -> dict[str, Any]:
    kind = (body or {}).get("type")
    flags = ((body or {}).get("data") or {}).get("flags") or 0
    return {
        "interaction": {
            "id": interaction_id,
            "type": 2,
            "response_message_id": payloads.snowflake(),
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(flags & 64),
        },
        "resource": {"type": kind},
    }


async def read_request(request: web.Request) -> Received:
    body: Any = None
    files: dict[str, tuple[str, bytes]] = {}
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        for name, value in form.items():
            if name == "payload_json":
                body = json.loads(str(value))
            elif isinstance(value, web.FileField):
                files[name] = (value.filename, value.file.read())
    elif request.can_read_body:
        text = await request.text()
        body = json.loads(text) if text else None
    return Received(request.method, request.path, dict(request.query), body, files)

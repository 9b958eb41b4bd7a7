"""A fake Discord on 127.0.0.1: REST API v10, a CDN for attachments and the gateway.

Every REST request is recorded (method, path, JSON body, uploaded files) so tests
can assert on exactly what unmodified discord.py put on the wire. JSON answers
carry `Content-Type: application/json` exactly, as discord.py requires.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from testkit.fake_discord import interactions, payloads
from testkit.fake_discord.gateway import Gateway

API = "/api/v10"
CHANNEL_MESSAGE = 4  # an interaction callback that posts a message
EPHEMERAL = 64
WAIT_S = 10.0  # generous; tests wait on events, this only bounds a hang


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    query: dict[str, str]
    body: Any  # the JSON body (or multipart `payload_json`), None when empty
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    at: float = field(default_factory=time.perf_counter)  # arrival, for benchmarks


def _json(data: Any, status: int = 200) -> web.Response:
    return web.Response(
        status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"}
    )


class FakeDiscord:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.commands: dict[str | None, list[dict[str, Any]]] = {}  # guild id (None: global)
        self.closed_dm_users: set[str] = set()
        self.dm_channels: dict[str, str] = {}  # DM channel id -> recipient user id
        self.expire_next_callbacks = 0  # that many callbacks get 404 Unknown interaction
        self.cdn: dict[str, bytes] = {}
        self.cdn_padding = 0
        self.recommended_shards = 1  # what GET /gateway/bot advises
        # Public messages the bot posted (callbacks and follow-ups), by message id, as
        # Discord holds them; PATCH edits them, DELETE (or `delete_message`) removes them.
        self.messages: dict[str, dict[str, Any]] = {}
        self.response_message_ids: dict[str, str] = {}  # interaction id -> its message's id
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.gateway = Gateway("")

    @property
    def api_base(self) -> str:
        return self.base_url + API

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._ws)
        app.router.add_get("/cdn/{attachment}/{filename}", self._cdn)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        self.gateway = Gateway(f"ws://127.0.0.1:{port}/gateway")

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what tests call -------------------------------------------------------------

    def definition(self, name: str) -> dict[str, Any]:
        for guild_id in (payloads.GUILD_ID, None):
            for command in self.commands.get(guild_id, []):
                if command["name"] == name:
                    return command
        raise KeyError(f"/{name} was never synced")

    async def send_interaction(
        self,
        path: str,
        values: dict[str, object] | None = None,
        invoker: interactions.Invoker | None = None,
        *,
        focused: str | None = None,
        files: dict[str, tuple[str, bytes]] | None = None,
        shard: int | None = None,
    ) -> dict[str, Any]:
        """INTERACTION_CREATE for `/path` (type 4 when an option is `focused`), on gateway
        shard `shard` (None: the connection that identified last)."""
        words = path.strip("/").split()
        uploads = {name: self._upload(fn, data) for name, (fn, data) in (files or {}).items()}
        values = dict(values or {})
        values.update({name: "" for name in uploads})
        kind = interactions.AUTOCOMPLETE if focused else interactions.APPLICATION_COMMAND
        payload = interactions.build(
            kind,
            self.definition(words[0]),
            words,
            values,
            invoker or interactions.Invoker(),
            focused=focused,
            uploads=uploads,
        )
        await self.gateway.dispatch("INTERACTION_CREATE", payload, shard)
        return payload

    def posted_message(self, sent: Received) -> dict[str, Any]:
        """The message a callback or follow-up created, as Discord stores it (components too)."""
        data = sent.body["data"] if "type" in sent.body and "data" in sent.body else sent.body
        message = payloads.message(payloads.CHANNEL_ID, data.get("content"))
        message["embeds"] = data.get("embeds") or []
        message["components"] = [_held_row(row) for row in data.get("components") or []]
        return message

    async def click(
        self,
        message: dict[str, Any],
        custom_id: str,
        invoker: interactions.Invoker | None = None,
    ) -> dict[str, Any]:
        """INTERACTION_CREATE (type 3) for a press of `custom_id` on `message`."""
        payload = interactions.component(custom_id, message, invoker or interactions.Invoker())
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def wait_request(
        self, predicate: Callable[[Received], bool], timeout: float = WAIT_S
    ) -> Received:
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: any(predicate(r) for r in self.requests)), timeout
            )
            return next(r for r in self.requests if predicate(r))

    async def callback(self, interaction: dict[str, Any]) -> Received:
        prefix = f"{API}/interactions/{interaction['id']}/{interaction['token']}/callback"
        return await self.wait_request(lambda r: r.path == prefix)

    async def followup(self, interaction: dict[str, Any]) -> Received:
        path = f"{API}/webhooks/{payloads.APP_ID}/{interaction['token']}"
        return await self.wait_request(lambda r: r.method == "POST" and r.path == path)

    def edits_of(self, message_id: str) -> list[Received]:
        """Every PATCH of that channel message, oldest first."""
        suffix = f"/messages/{message_id}"
        return [r for r in self.requests if r.method == "PATCH" and r.path.endswith(suffix)]

    def delete_message(self, message_id: str) -> None:
        """As if someone deleted it in Discord: an edit now gets 404 Unknown Message."""
        self.messages.pop(message_id, None)

    def sent_to(self, interaction: dict[str, Any]) -> list[Received]:
        token = interaction["token"]
        return [r for r in self.requests if token in r.path]

    def _upload(self, filename: str, data: bytes) -> interactions.UploadedFile:
        attachment_id = payloads.snowflake()
        self.cdn[attachment_id] = data
        url = f"{self.base_url}/cdn/{attachment_id}/{filename}"
        return interactions.UploadedFile(attachment_id, filename, len(data), url)

    # --- handlers ----------------------------------------------------------------------

    async def _ws(self, request: web.Request) -> web.StreamResponse:
        return await self.gateway.handle(request)

    async def _cdn(self, request: web.Request) -> web.Response:
        data = self.cdn.get(request.match_info["attachment"])
        if data is None:
            return web.Response(status=404)
        # `cdn_padding` bytes more than the attachment declared: a bot must not trust the size.
        data += b"\0" * self.cdn_padding
        return web.Response(body=data, headers={"Content-Type": "application/octet-stream"})

    async def _rest(self, request: web.Request) -> web.Response:
        received = await _read(request)
        async with self._changed:
            self.requests.append(received)
            self._changed.notify_all()
        return self._answer(received, request.match_info["tail"].split("/"))

    def _answer(self, r: Received, parts: list[str]) -> web.Response:
        route = (r.method, *parts)
        if route == ("GET", "users", "@me"):
            return _json(payloads.BOT_USER)
        if route == ("GET", "oauth2", "applications", "@me"):
            return _json(payloads.application())
        if route == ("GET", "gateway", "bot"):
            limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            shards = self.recommended_shards
            return _json(
                {"url": self.gateway.ws_url, "shards": shards, "session_start_limit": limit}
            )
        if parts[0] == "applications" and parts[-1] == "commands":
            guild_id = parts[3] if len(parts) == 5 else None
            if r.method == "PUT":
                return self._sync(r, guild_id)
            if r.method == "GET":
                return _json(self.commands.get(guild_id, []))
        if r.method == "POST" and parts[0] == "interactions":
            if self.expire_next_callbacks > 0:
                self.expire_next_callbacks -= 1
                return _json({"code": 10062, "message": "Unknown interaction"}, status=404)
            answer = _callback_answer(parts[1], r.body)
            message_id = answer["interaction"]["response_message_id"]
            self.response_message_ids[parts[1]] = message_id
            if (r.body or {}).get("type") == CHANNEL_MESSAGE:
                self._hold(message_id, payloads.CHANNEL_ID, r.body.get("data") or {})
            return _json(answer)
        if parts[0] == "webhooks":
            if r.method == "DELETE":
                return web.Response(status=204)
            message = payloads.message(payloads.CHANNEL_ID, (r.body or {}).get("content"))
            self._hold(message["id"], payloads.CHANNEL_ID, r.body or {})
            return _json(message)
        if parts[0] == "channels" and len(parts) == 4 and parts[2] == "messages":
            return self._message_route(r, parts[1], parts[3])
        if route == ("POST", "users", "@me", "channels"):
            channel_id = payloads.snowflake()
            self.dm_channels[channel_id] = str(r.body["recipient_id"])
            return _json(payloads.dm_channel(channel_id, self.dm_channels[channel_id]))
        if r.method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            if self.dm_channels.get(parts[1]) in self.closed_dm_users:
                error = {"code": 50007, "message": "Cannot send messages to this user"}
                return _json(error, status=403)
            return _json(payloads.message(parts[1], r.body.get("content")))
        return _json({"code": 0, "message": "404: Not Found"}, status=404)

    def _hold(self, message_id: str, channel_id: str, data: dict[str, Any]) -> None:
        if (data.get("flags") or 0) & EPHEMERAL:
            return  # an ephemeral message is nobody's to edit later
        message = payloads.message(channel_id, data.get("content"))
        message.update(id=message_id, embeds=data.get("embeds") or [])
        message["components"] = [_held_row(row) for row in data.get("components") or []]
        self.messages[message_id] = message

    def _message_route(self, r: Received, channel_id: str, message_id: str) -> web.Response:
        """PATCH (edit) and DELETE of a channel message; 404 Unknown Message once it is gone."""
        held = self.messages.get(message_id)
        if held is None or held["channel_id"] != channel_id:
            return _json({"code": 10008, "message": "Unknown Message"}, status=404)
        if r.method == "DELETE":
            del self.messages[message_id]
            return web.Response(status=204)
        body = r.body or {}
        if "content" in body:
            held["content"] = body["content"] or ""
        if "embeds" in body:
            held["embeds"] = body["embeds"] or []
        if "components" in body:
            held["components"] = [_held_row(row) for row in body["components"] or []]
        held["edited_timestamp"] = payloads.TIMESTAMP
        return _json(held)

    def _sync(self, r: Received, guild_id: str | None) -> web.Response:
        stored = []
        for command in r.body:
            saved = {**payloads.as_held(command), "id": payloads.snowflake()}
            saved.update({"application_id": payloads.APP_ID, "version": payloads.snowflake()})
            if guild_id:
                saved["guild_id"] = guild_id
            stored.append(saved)
        self.commands[guild_id] = stored
        return _json(stored)


def _held_row(row: dict[str, Any]) -> dict[str, Any]:
    """An action row as Discord returns it: each component gets an id, unset keys dropped."""
    held = [
        {**{k: v for k, v in c.items() if v is not None}, "id": n}
        for n, c in enumerate(row.get("components") or [], start=2)
    ]
    return {"type": row.get("type", 1), "id": 1, "components": held}


def _callback_answer(interaction_id: str, body: dict[str, Any] | None) -> dict[str, Any]:
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


async def _read(request: web.Request) -> Received:
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

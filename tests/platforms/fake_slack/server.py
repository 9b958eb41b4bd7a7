"""The fake Slack server: Web API methods, response_url, uploads and Socket Mode."""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

from tests.platforms.fake_slack.recorder import WAIT_SECONDS, Call, Recorder


class FakeSlack:
    """`api_url` is what AsyncWebClient(base_url=...) gets; `response_url(n)` is per command."""

    def __init__(self) -> None:
        self.recorder = Recorder()
        self.acks: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.refused_channels: set[str] = set()
        self.refuse_all_methods: set[str] = set()
        self.workspace_admins: set[str] = set()
        # users.info with include_locale: each user's Slack language (none: no locale field).
        self.user_locales: dict[str, str] = {}
        # Messages posted by chat.postMessage, by (channel, ts): chat.update edits them, and
        # a test deletes one (or its channel) to see the bot forget it.
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}
        self.deleted_channels: set[str] = set()
        self.rate_limit_updates = 0  # that many chat.update calls answer 429
        self.connections: list[web.WebSocketResponse] = []
        self.closed_connections = 0
        self._connected = asyncio.Condition()
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base = ""

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.base}/response/{name}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # users.info is a GET
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_post("/response/{name}", self._response)
        app.router.add_get("/link/{n}", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        for ws in self.connections:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- recording helpers ----------------------------------------------------------

    def calls(self, name: str) -> list[Call]:
        return self.recorder.named(name)

    async def wait_for(self, name: str, count: int = 1, path: str = "") -> list[Call]:
        return await self.recorder.wait_for(name, count, path)

    async def responses_to(self, name: str, count: int = 1) -> list[dict[str, Any]]:
        calls = await self.wait_for("response", count, path=f"/response/{name}")
        return [c.body for c in calls]

    # -- HTTP handlers ----------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        raw = await request.read()
        if request.content_type == "application/json":
            body: dict[str, Any] = json.loads(raw or b"{}")
        else:
            body = dict(parse_qsl(raw.decode()))
        body.update(request.query)  # some methods send their arguments as query parameters
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        await self.recorder.add(Call(method, request.path, body, raw, token))
        if method == "chat.update" and self.rate_limit_updates > 0:
            self.rate_limit_updates -= 1
            limited = {"ok": False, "error": "ratelimited"}
            return web.json_response(limited, status=429, headers={"Retry-After": "30"})
        return web.json_response(self._answer(method, body))

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method in self.refuse_all_methods:
            return {"ok": False, "error": "fake_refusal"}
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1"}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            if body.get("channel") in self.refused_channels:
                return {"ok": False, "error": "not_in_channel"}
            ts = f"1.{next(self._ids):06d}"
            self.messages[(str(body.get("channel")), ts)] = body
            return {"ok": True, "channel": body.get("channel"), "ts": ts}
        if method == "chat.update":
            return self._update(body)
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ids)}"
            return {"ok": True, "file_id": file_id, "upload_url": f"{self.base}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            files = json.loads(body.get("files", "[]"))
            return {"ok": True, "files": files}
        if method == "views.open":
            return {"ok": True, "view": {"id": f"V{next(self._ids)}"}}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(body.get("users", ""))}}
        if method == "users.info":
            user = str(body.get("user", ""))
            found: dict[str, Any] = {"id": user, "is_admin": user in self.workspace_admins}
            if body.get("include_locale") in (True, "true", "1") and user in self.user_locales:
                found["locale"] = self.user_locales[user]
            return {"ok": True, "user": found}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"{self.base.replace('http', 'ws')}/link/{next(self._ids)}"}
        return {"ok": True}

    def _update(self, body: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(body.get("channel")), str(body.get("ts"))
        if channel in self.deleted_channels:
            return {"ok": False, "error": "channel_not_found"}
        if (channel, ts) not in self.messages:
            return {"ok": False, "error": "message_not_found"}
        self.messages[(channel, ts)] = body
        return {"ok": True, "channel": channel, "ts": ts, "text": body.get("text", "")}

    def delete_message(self, channel: str, ts: str) -> None:
        """As if someone deleted the message in Slack: chat.update now finds nothing."""
        del self.messages[(channel, ts)]

    async def _upload(self, request: web.Request) -> web.Response:
        raw = await request.read()
        await self.recorder.add(Call("upload", request.path, {}, raw))
        return web.Response(text="OK")

    async def _response(self, request: web.Request) -> web.Response:
        body = await request.json()
        await self.recorder.add(Call("response", request.path, body))
        return web.Response(text="ok")

    # -- Socket Mode ----------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        async with self._connected:
            self.connections.append(ws)
            self._connected.notify_all()
        await ws.send_json({"type": "hello", "num_connections": len(self.connections)})
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                await self.acks.put(json.loads(message.data))
        async with self._connected:
            self.closed_connections += 1
            self._connected.notify_all()
        return ws

    async def wait_closed(self, count: int) -> None:
        """Wait until the client has closed `count` websocket connections."""
        async with asyncio.timeout(WAIT_SECONDS), self._connected:
            await self._connected.wait_for(lambda: self.closed_connections >= count)

    async def wait_connections(self, count: int) -> web.WebSocketResponse:
        async with asyncio.timeout(WAIT_SECONDS), self._connected:
            await self._connected.wait_for(lambda: len(self.connections) >= count)
        return self.connections[count - 1]

    async def next_ack(self) -> dict[str, Any]:
        async with asyncio.timeout(WAIT_SECONDS):
            return await self.acks.get()

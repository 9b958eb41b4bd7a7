"""A fake Discord on 127.0.0.1: REST API v10 (its routes in rest.py), a CDN for
attachments and the gateway (gateway.py).

Every REST request is recorded (method, path, JSON body, uploaded files) so tests
can assert on exactly what unmodified discord.py put on the wire. JSON answers
carry `Content-Type: application/json` exactly, as discord.py requires.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from aiohttp import web

from testkit.fake_discord import interactions, payloads
from testkit.fake_discord.gateway import Gateway
from testkit.fake_discord.rest import API, DiscordRest, Received, held_row, read_request

WAIT_S = 10.0  # generous; tests wait on events, this only bounds a hang


class FakeDiscord(DiscordRest):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[Received] = []
        self.cdn: dict[str, bytes] = {}
        self.cdn_padding = 0
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
        message["components"] = [held_row(row) for row in data.get("components") or []]
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
        received = await read_request(request)
        async with self._changed:
            self.requests.append(received)
            self._changed.notify_all()
        return self.answer(received, request.match_info["tail"].split("/"))

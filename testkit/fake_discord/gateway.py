"""The fake gateway websocket: HELLO, heartbeats, IDENTIFY/READY/GUILD_CREATE, RESUME.

Sharded: an IDENTIFY's `shard` [id, count] is kept; READY echoes it, and only the shard
Discord would give the test guild ((guild_id >> 22) % count) gets its GUILD_CREATE. Tests
dispatch to one shard with `dispatch(..., shard=n)`.

Frames are zlib-stream compressed (one shared deflate context per connection,
each message ending in a Z_SYNC_FLUSH) when the client connects with
`compress=zlib-stream`, as discord.py does by default.
"""

from __future__ import annotations

import asyncio
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from testkit.fake_discord import payloads

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT = 0, 1, 2, 6, 7
INVALID_SESSION, HELLO, HEARTBEAT_ACK = 9, 10, 11
HEARTBEAT_INTERVAL_MS = 41_250


@dataclass
class Session:
    """A gateway session: its sequence and the events sent, so a RESUME can replay them."""

    session_id: str
    shard: tuple[int, int] = (0, 1)
    seq: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)


class Connection:
    """One websocket; `send` compresses when the client asked for it."""

    def __init__(self, ws: web.WebSocketResponse, compressed: bool) -> None:
        self.ws = ws
        self.compressed = compressed
        self._deflate = zlib.compressobj() if compressed else None
        self.session: Session | None = None

    async def send(self, frame: dict[str, Any]) -> None:
        text = json.dumps(frame)
        if self._deflate is None:
            await self.ws.send_str(text)
            return
        data = self._deflate.compress(text.encode()) + self._deflate.flush(zlib.Z_SYNC_FLUSH)
        await self.ws.send_bytes(data)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self.session is not None
        self.session.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": self.session.seq, "d": data}
        self.session.sent.append(frame)
        await self.send(frame)


class Gateway:
    """Serves `/gateway`; tests read `identifies`, `resumes` and wait on `connected`."""

    def __init__(self, ws_url: str) -> None:
        self.ws_url = ws_url
        self.sessions: dict[str, Session] = {}
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.compressed_connections = 0
        self.connections = 0
        self.resume_url = ws_url  # READY's resume_gateway_url; tests may point it elsewhere
        self.current: Connection | None = None
        self.connected = asyncio.Event()  # set once READY/RESUMED has been sent
        self.shards: dict[int, Connection] = {}  # shard id -> its live connection
        self._shard_connected: dict[int, asyncio.Event] = {}
        self.closed_by_client = asyncio.Event()
        self._counter = 0

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        compressed = request.query.get("compress") == "zlib-stream"
        self.connections += 1
        self.compressed_connections += int(compressed)
        connection = Connection(ws, compressed)
        await connection.send({"op": HELLO, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}})
        async for message in ws:
            if message.type is not WSMsgType.TEXT:
                continue
            await self._on_frame(connection, json.loads(message.data))
        if connection.session is not None:
            shard_id = connection.session.shard[0]
            if self.shards.get(shard_id) is connection:
                del self.shards[shard_id]
                self.shard_connected(shard_id).clear()
        if self.current is connection:
            self.current = None
            self.connected.clear()
            self.closed_by_client.set()
        return ws

    def shard_connected(self, shard_id: int) -> asyncio.Event:
        """Set while shard `shard_id` has a session on a live connection."""
        return self._shard_connected.setdefault(shard_id, asyncio.Event())

    def _serving(self, connection: Connection) -> None:
        assert connection.session is not None
        shard_id = connection.session.shard[0]
        self.shards[shard_id] = connection
        self.current = connection
        self.shard_connected(shard_id).set()
        self.connected.set()

    async def _on_frame(self, connection: Connection, frame: dict[str, Any]) -> None:
        op, data = frame.get("op"), frame.get("d") or {}
        if op == HEARTBEAT:
            await connection.send({"op": HEARTBEAT_ACK})
        elif op == IDENTIFY:
            self.identifies.append(data)
            shard_id, count = data.get("shard") or (0, 1)
            await self._identify(connection, (int(shard_id), int(count)))
        elif op == RESUME:
            self.resumes.append(data)
            await self._resume(connection, data)

    async def _identify(self, connection: Connection, shard: tuple[int, int]) -> None:
        self._counter += 1
        session = Session(session_id=f"session-{self._counter}", shard=shard)
        self.sessions[session.session_id] = session
        connection.session = session
        holds_guild = (int(payloads.GUILD_ID) >> 22) % shard[1] == shard[0]
        ready = payloads.ready(session.session_id, self.resume_url, shard, holds_guild)
        await connection.dispatch("READY", ready)
        if holds_guild:
            await connection.dispatch("GUILD_CREATE", payloads.guild())
        self._serving(connection)

    async def _resume(self, connection: Connection, data: dict[str, Any]) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        if session is None:
            await connection.send({"op": INVALID_SESSION, "d": False})
            return
        connection.session = session
        for frame in session.sent:
            if frame["s"] > (data.get("seq") or 0):
                await connection.send(frame)
        await connection.dispatch("RESUMED", {})
        self._serving(connection)

    async def dispatch(self, event: str, data: dict[str, Any], shard: int | None = None) -> None:
        """To shard `shard`'s connection, or (None) to the one that connected last."""
        if shard is not None:
            await self.shard_connected(shard).wait()
            await self.shards[shard].dispatch(event, data)
            return
        await self.connected.wait()
        assert self.current is not None
        await self.current.dispatch(event, data)

    async def request_reconnect(self) -> None:
        """Op 7: the client should drop this connection and RESUME on a new one."""
        await self.connected.wait()
        assert self.current is not None
        self.connected.clear()
        self.closed_by_client.clear()
        await self.current.send({"op": RECONNECT, "d": None})

    async def invalidate_session(self, *, resumable: bool) -> None:
        """Op 9: with d=false the client must IDENTIFY a new session on a new connection."""
        await self.connected.wait()
        assert self.current is not None
        self.connected.clear()
        self.closed_by_client.clear()
        await self.current.send({"op": INVALID_SESSION, "d": resumable})

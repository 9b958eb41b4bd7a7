"""Bounded connections for an aiohttp server: aiohttp itself has no header or body read
timeout and accepts connections until the process runs out of descriptors.

300 half-open connections sending headers a byte at a time once made valid requests time
out (open-files limit 256) and asyncio logged 13,050 "Too many open files" tracebacks in
9 s. Here every connection must deliver its request (headers and body) within
READ_TIMEOUT_S; at most `max_connections` are open, kept well below the descriptor limit;
at the cap a new connection pushes out the oldest one still reading its request (a slow
client loses its place to a prompt one); and all of it is counted into one log line a
minute, never one per socket.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import resource
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from bot.core.ratelog import CountedLog

log = logging.getLogger("counterwatch.http")
# aiohttp's own server log: a request its parser refuses is logged there with a traceback.
_AIOHTTP_SERVER = logging.getLogger("aiohttp.server")

# A request's headers and body arrive within this (Slack sends both at once).
READ_TIMEOUT_S = 10.0
# Descriptors left for the database, outgoing HTTP, the log: never given to clients.
RESERVED_DESCRIPTORS = 64
MAX_CONNECTIONS = 1000


def default_max_connections() -> int:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(8, min(MAX_CONNECTIONS, (soft - RESERVED_DESCRIPTORS) // 2))


class _Connection(asyncio.Protocol):
    """Wraps aiohttp's protocol for one connection, adding the read deadline."""

    def __init__(self, inner: asyncio.Protocol, limiter: ConnectionLimiter) -> None:
        self.inner = inner
        self.limiter = limiter
        self.transport: asyncio.Transport | None = None
        self._deadline: asyncio.TimerHandle | None = None
        self._admitted = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        if not self.limiter.admit(self):
            transport.abort()
            return
        self._admitted = True
        self.inner.connection_made(transport)

    def start_reading(self) -> None:
        self.cancel_deadline()
        loop = asyncio.get_running_loop()
        self._deadline = loop.call_later(self.limiter.read_timeout_s, self.expire)
        self.limiter.reading[self] = None

    def request_read(self) -> None:
        self.cancel_deadline()
        self.limiter.reading.pop(self, None)

    def cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def expire(self) -> None:
        self.limiter.flood.hit("request not read in time")
        self.close()

    def close(self) -> None:
        self.request_read()
        if self.transport is not None:
            self.transport.abort()

    def data_received(self, data: bytes) -> None:
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received()

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self.request_read()
        self.limiter.forget(self)
        if self._admitted:
            self.inner.connection_lost(exc)


class ConnectionLimiter:
    """The protocol factory handed to the event loop, in front of aiohttp's."""

    def __init__(
        self, *, max_connections: int | None = None, read_timeout_s: float | None = None
    ) -> None:
        self.server: web.Server | None = None  # aiohttp's, set when the site starts
        self.max_connections = max_connections or default_max_connections()
        self.read_timeout_s = read_timeout_s or READ_TIMEOUT_S
        self.open: dict[asyncio.BaseTransport, _Connection] = {}
        self.reading: OrderedDict[_Connection, None] = OrderedDict()  # oldest first
        self.flood = CountedLog(log, "slow or excess HTTP connections closed")

    def __call__(self) -> asyncio.Protocol:
        assert self.server is not None
        return _Connection(self.server(), self)

    def forget(self, connection: _Connection) -> None:
        if connection.transport is not None:
            self.open.pop(connection.transport, None)

    def admit(self, connection: _Connection) -> bool:
        if len(self.open) >= self.max_connections:
            if not self.reading:
                self.flood.hit("connection refused: every slot is busy")
                return False
            oldest = next(iter(self.reading))
            self.flood.hit("slowest connection pushed out")
            oldest.close()
            self.forget(oldest)
        assert connection.transport is not None
        self.open[connection.transport] = connection
        connection.start_reading()
        return True

    def connection_of(self, request: web.Request) -> _Connection | None:
        transport = request.transport
        return self.open.get(transport) if transport is not None else None

    @web.middleware
    async def middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[Any]]
    ) -> Any:
        """Reads the body within the deadline, then lifts it; re-arms it for the next
        request on a kept-alive connection."""
        connection = self.connection_of(request)
        await request.read()  # bounded by client_max_size; cached for the handler
        if connection is not None:
            connection.request_read()
        try:
            return await handler(request)
        finally:
            if connection is not None and connection.transport in self.open:
                connection.start_reading()


class ParseErrorsCounted(logging.Filter):
    """Counts the requests aiohttp's parser refuses (oversized or too many headers, bad
    chunked encoding, Content-Length with Transfer-Encoding, a body cut short) into one
    line a minute. aiohttp logged each with a traceback quoting up to 100 bytes of the
    offending header: unsigned garbage grew the log without bound. It still answers 400."""

    def __init__(self) -> None:
        super().__init__()
        self.counted = CountedLog(log, "malformed HTTP requests refused")

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError | ConnectionResetError):
            self.counted.hit(type(exc).__name__)  # our word for it: the class, not its text
            return False
        return True


PARSE_ERRORS = ParseErrorsCounted()


def count_parse_errors() -> None:
    """Route aiohttp's refused-request tracebacks into PARSE_ERRORS (idempotent)."""
    if PARSE_ERRORS not in _AIOHTTP_SERVER.filters:
        _AIOHTTP_SERVER.addFilter(PARSE_ERRORS)


class GuardedSite:
    """A TCP listener whose connections go through a ConnectionLimiter, in front of an
    aiohttp runner's server. Built on asyncio's public `create_server` (aiohttp's own sites
    accept no protocol factory of ours): `stop()` closes the listening socket, after which
    the runner's `cleanup()` finishes the requests already accepted, as it would for a
    site of its own."""

    def __init__(
        self,
        runner: web.AppRunner,
        limiter: ConnectionLimiter,
        host: str,
        port: int,
        *,
        reuse_port: bool = False,
    ) -> None:
        if runner.server is None:
            raise RuntimeError("set the runner up before making a site")
        self._handler = runner.server
        self._limiter = limiter
        self._host = host
        self._port = port
        # SO_REUSEPORT: several worker processes listen on this one port, the kernel
        # spreading the connections across them.
        self._reuse_port = reuse_port
        self._listener: asyncio.Server | None = None
        self.bound_port = port

    @property
    def name(self) -> str:
        return f"http://{self._host}:{self.bound_port}"

    async def start(self) -> None:
        count_parse_errors()
        self._limiter.server = self._handler
        loop = asyncio.get_running_loop()
        self._listener = await loop.create_server(
            self._limiter, self._host, self._port, reuse_address=True, reuse_port=self._reuse_port
        )
        sockets = self._listener.sockets
        if sockets:
            self.bound_port = int(sockets[0].getsockname()[1])

    def stop(self) -> None:
        """Stop accepting connections (those accepted carry on)."""
        if self._listener is not None:
            self._listener.close()
            self._listener = None


def quiet_descriptor_errors(flood: CountedLog) -> Callable[[], None]:
    """Count the event loop's "Too many open files" accept errors into `flood` instead of one
    traceback each; returns the function that restores the previous handler."""
    loop = asyncio.get_running_loop()
    previous = loop.get_exception_handler()

    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, OSError) and exc.errno in (errno.EMFILE, errno.ENFILE):
            flood.hit("out of file descriptors")
            return
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handle)
    return lambda: loop.set_exception_handler(previous)

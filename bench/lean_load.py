"""A lean load generator for bench/slack_workers.py, run as a separate process:

    python -m bench.lean_load URL SECRET SECONDS CONCURRENCY COMMAND TEXT SINK_BASE USERS

Same requests and same JSON line as `bench.slack_load load` (slash commands signed exactly as
Slack signs them, each with its own trigger_id and response_url, one keep-alive connection
per worker), but written as plain HTTP/1.1 on asyncio streams instead of aiohttp's client.
Why: on a 2-core machine the load generator shares the cores with the bot, and aiohttp's
client spends about half as much CPU per request as the bot itself; that alone would cap the
measurable gain of a second worker near 1.3x whatever the bot does. This one spends a
fraction of that, so the figure is about the bot.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import os
import sys
import time
from urllib.parse import urlencode, urlsplit


class Signer:
    def __init__(self, url: str, secret: str) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.path = parts.path
        self._key = secret.encode()

    def request(self, body: str) -> bytes:
        stamp = str(int(time.time()))
        digest = hmac.new(self._key, f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
        data = body.encode()
        head = (
            f"POST {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(data)}\r\nX-Slack-Request-Timestamp: {stamp}\r\n"
            f"X-Slack-Signature: v0={digest}\r\n\r\n"
        )
        return head.encode() + data


async def read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    """(status, body length) of one response with a Content-Length."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length:
        await reader.readexactly(length)
    return status, length


async def load(argv: list[str]) -> None:
    url, secret, seconds, concurrency, command, text, sink_base, users = argv
    signer = Signer(url, secret)
    deadline = time.monotonic() + float(seconds)
    ids = itertools.count(1)
    latencies: list[float] = []
    counts = {"errors": 0, "inline": 0}

    def body(n: int) -> str:
        return urlencode(
            {
                "team_id": "T1",
                "channel_id": "C1",
                "user_id": f"U{n % int(users)}",
                "user_name": "bench",
                "command": command,
                "text": text,
                "response_url": f"{sink_base}/response/{n}",
                "trigger_id": f"bench-{os.getpid()}-{n}",  # unique across runs: never a retry
            }
        )

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(signer.host, signer.port)
        try:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                writer.write(signer.request(body(next(ids))))
                status, length = await read_response(reader)
                if status == 200:
                    latencies.append(time.perf_counter() - started)
                    counts["inline"] += length > 0
                else:
                    counts["errors"] += 1
        finally:
            writer.close()

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(int(concurrency))))
    elapsed = time.monotonic() - started
    figures = {"ok": len(latencies), "seconds": elapsed, "latencies": latencies}
    print(json.dumps({**figures, **counts, "cpu_seconds": time.process_time()}))


if __name__ == "__main__":
    asyncio.run(load(sys.argv[1:]))

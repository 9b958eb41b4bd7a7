"""Separate processes for bench_slack: a load generator and a fake Slack sink.

    python -m bench.slack_load sink                 # prints its port; counts response_url posts
                                                    # and Web API calls by method
    python -m bench.slack_load load URL SECRET SECONDS CONCURRENCY COMMAND TEXT SINK_BASE [USERS]

The load generator posts slash commands signed exactly as Slack signs them, each with
its own trigger_id and response_url (so none is mistaken for a retry), over one
keep-alive connection per worker, from USERS members in turn (500 unless given), and prints
one JSON line of figures, its own CPU time among them.
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
from collections import Counter
from urllib.parse import urlencode

import aiohttp
from aiohttp import web


async def sink() -> None:
    replies = 0
    api_calls: Counter[str] = Counter()  # Web API calls by method: what the server asked Slack

    async def api(request: web.Request) -> web.Response:
        api_calls[request.match_info["method"]] += 1
        return web.json_response({"ok": True, "user_id": "UBOT", "bot_id": "B1", "team_id": "T1"})

    async def response(request: web.Request) -> web.Response:
        nonlocal replies
        await request.read()
        replies += 1
        return web.Response(text="ok")

    async def count(request: web.Request) -> web.Response:
        return web.json_response({"replies": replies, "api": api_calls, "at": time.monotonic()})

    app = web.Application()
    app.router.add_route("*", "/api/{method}", api)
    app.router.add_post("/response/{n}", response)
    app.router.add_get("/count", count)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(runner.addresses[0][1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until parent closes
    await runner.cleanup()


def signed(secret: str, body: str) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }


async def load(argv: list[str]) -> None:
    url, secret, seconds, concurrency, command, text, sink_base = argv[:7]
    users = int(argv[7]) if len(argv) > 7 else 500
    deadline = time.monotonic() + float(seconds)
    ids = itertools.count(1)
    latencies: list[float] = []
    errors = 0
    inline = 0  # acks that carried the answer itself

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal errors, inline
        while time.monotonic() < deadline:
            n = next(ids)
            body = urlencode(
                {
                    "team_id": "T1",
                    "channel_id": "C1",
                    "user_id": f"U{n % users}",
                    "user_name": "bench",
                    "command": command,
                    "text": text,
                    "response_url": f"{sink_base}/response/{n}",
                    "trigger_id": f"bench-{os.getpid()}-{n}",  # unique across runs: never a retry
                }
            )
            started = time.perf_counter()
            try:
                async with session.post(url, data=body, headers=signed(secret, body)) as answer:
                    inline += len(await answer.read()) > 0
                    ok = answer.status == 200
            except aiohttp.ClientError:
                ok = False
            if ok:
                latencies.append(time.perf_counter() - started)
            else:
                errors += 1

    connector = aiohttp.TCPConnector(limit=int(concurrency))
    started = time.monotonic()
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(worker(session) for _ in range(int(concurrency))))
    elapsed = time.monotonic() - started
    print(
        json.dumps(
            {
                "ok": len(latencies),
                "inline": inline,
                "errors": errors,
                "seconds": elapsed,
                "latencies": latencies,
                "cpu_seconds": time.process_time(),
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1] == "sink":
        asyncio.run(sink())
    else:
        asyncio.run(load(sys.argv[2:]))

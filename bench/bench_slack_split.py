"""Where a Slack slash command's CPU goes, step by step, in one process (no sockets).

`python -m bench slack` compares whole servers under load; this splits the handler's work
so the ratio it prints can be explained. Each step runs N times and is timed by CPU time
(best of 3, so another process's load mostly drops out):

- bolt's dispatch of a signed slash command to a listener that only acks: what the bare
  app of `bench slack` does per request (Counterwatch's app runs the same middleware);
- Counterwatch's app dispatching `/ring lookup Greenfield, WI` through the same bolt path
  (the request signed; our listener, the dispatcher, the command, the Block Kit reply);
- inside it: the command through the dispatcher, the reply rendered to Block Kit, and the
  JSON bolt makes of the acknowledgement that carries the answer.

    .venv/bin/python -m bench slack_split     # BENCH_SPLIT_N=3000 requests a step
"""

from __future__ import annotations

import itertools
import json
import os
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_bolt.request.async_request import AsyncBoltRequest

from bench.bench_slack import SECRET, bare_app_bolt, prepare, start_sink
from bench.clock import NOW
from bench.slack_load import signed
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from bot.platforms.slack import eager
from bot.platforms.slack.render import render_reply
from bot.platforms.slack.runner import build_adapter
from commands import build_registry
from storage.db import Database
from wiring import wire_deps

N = int(os.environ.get("BENCH_SPLIT_N", "3000"))
_ids = itertools.count(1)


def signed_request(command: str, text: str, sink_base: str) -> AsyncBoltRequest:
    """A slash command as Slack signs it, with its own trigger_id (never a retry)."""
    n = next(_ids)
    fields = {
        "team_id": "T1",
        "channel_id": "C1",
        "user_id": f"U{n % 500}",
        "user_name": "bench",
        "command": command,
        "text": text,
        "response_url": f"{sink_base}/response/{n}",
        "trigger_id": f"split-{os.getpid()}-{n}",
    }
    body = urlencode(fields)
    headers: dict[str, str | Sequence[str]] = dict(signed(SECRET, body))
    return AsyncBoltRequest(body=body, headers=headers)


async def cpu_per_call_async(make: Callable[[], Awaitable[Any]]) -> float:
    """Microseconds of CPU per call, best of 3 batches of N."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for _ in range(N):
            await make()
        best = min(best, (time.process_time() - started) / N * 1e6)
    return best


def cpu_per_call(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for _ in range(N):
            work()
        best = min(best, (time.process_time() - started) / N * 1e6)
    return best


async def main() -> None:
    sink, sink_base = await start_sink()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = await Database.open(Path(tmp) / "bench.db")
            try:
                await measure(db, Path(tmp), sink_base)
            finally:
                await db.close()
    finally:
        assert sink.stdin is not None
        sink.stdin.close()
        await sink.wait()


async def measure(db: Database, tmp: Path, sink_base: str) -> None:
    command, text, what = await prepare(db)
    settings = Settings(
        db_path=str(tmp / "bench.db"),
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SECRET,
        slack_api_url=f"{sink_base}/api/",
        slack_port=0,
    )
    dispatcher = Dispatcher(build_registry(), await wire_deps(db, settings, lambda: NOW))
    print(f"{N} requests a step, CPU time, best of 3; Counterwatch runs {what}")
    async with aiohttp.ClientSession() as session:
        ours = build_adapter(dispatcher, settings, session).app
        bare = bare_app_bolt(command, sink_base)
        for app in (bare, ours):  # the first request of each calls auth.test once
            await app.async_dispatch(signed_request(command, text, sink_base))

        async def bare_one() -> None:
            await bare.async_dispatch(signed_request(command, text, sink_base))

        async def ours_one() -> None:
            await ours.async_dispatch(signed_request(command, text, sink_base))

        building = cpu_per_call(lambda: signed_request(command, text, sink_base))
        bare_us = await cpu_per_call_async(bare_one) - building
        ours_us = await cpu_per_call_async(ours_one) - building
    identity = Identity(
        platform="slack", workspace="T1", user_id="U1", user_name="b", role=Role.MEMBER
    )
    line = f"{command} {text}"
    command_us = cpu_per_call(lambda: eager.start(dispatcher.run_text(identity, line)))
    reply = eager.start(dispatcher.run_text(identity, line)).result
    assert reply is not None
    render_us = cpu_per_call(lambda: render_reply(reply))
    payload = render_reply(reply).payload()
    json_us = cpu_per_call(lambda: json.dumps(payload))
    json_label = f"bolt's JSON of the ack ({len(json.dumps(payload)):,} bytes)"
    rows = [
        ("bolt dispatch, listener only acks (the bare app)", bare_us),
        ("bolt dispatch, Counterwatch's listener", ours_us),
        ("  of which: the command through our dispatcher", command_us),
        ("            the reply rendered to Block Kit", render_us),
        (f"            {json_label}", json_us),
    ]
    for label, us in rows:
        print(f"{label:<54} {us:6.0f} us")
    own = ours_us - bare_us
    print(f"Counterwatch's own work per request: {own:.0f} us beside bolt's {bare_us:.0f} us")

"""Slack over HTTP under load: Counterwatch beside a bare slack-bolt app, same run.

Signed slash commands come from a SEPARATE process (bench/slack_load.py) at 50
concurrent connections for a bounded time; the response_url posts and the Web API
(auth.test) go to a fake Slack in a third process on loopback. Counterwatch runs
`/ring lookup Greenfield, WI` on the real EFF Atlas export (../shared/data), or
`/help` when that file is absent (the bench says which). The bare app's handler
only acks; it runs with bolt's defaults and with process_before_response=True
(the mode Counterwatch uses), and the target is 80% of the faster of the two.
Counterwatch's rate counts acks AND the replies it then posted to response_url.

    .venv/bin/python -m bench slack          # BENCH_SLACK_SECONDS=10 by default
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bench.stats import percentile
from bot.deps import Deps
from bot.dispatch import Dispatcher
from bot.places import PlaceIndex
from bot.platforms.slack.runner import run_slack
from bot.settings import Settings
from commands import build_registry
from storage.db import Database
from storage.seed import ensure_seed

SECONDS = float(os.environ.get("BENCH_SLACK_SECONDS", "10"))
CONCURRENCY = 50
SECRET = "bench-signing-secret"
ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"
SHARED = Path(
    os.environ.get("COUNTERWATCH_SHARED_DATA", Path(__file__).parents[2] / "shared" / "data")
)


async def prepare(db: Database) -> tuple[str, str, str]:
    """Load the seed and the real Atlas; return (command, text, what we ran)."""
    await ensure_seed(db)
    path = SHARED / ATLAS
    registry = build_registry()
    if registry.get(("ring", "lookup")) is None or not path.is_file():
        return "/counterwatch", "", f"/help (no /ring lookup or no {path})"
    from storage.importers.atlas import parse_atlas
    from storage.importers.atlas_write import import_atlas

    await import_atlas(db, parse_atlas(path.read_bytes()), as_of="2020-10-07")
    return "/ring", "lookup Greenfield, WI", "/ring lookup Greenfield, WI (real EFF Atlas data)"


async def start_sink() -> tuple[asyncio.subprocess.Process, str]:
    sink = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.slack_load",
        "sink",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert sink.stdout is not None
    port = int((await sink.stdout.readline()).decode())
    return sink, f"http://127.0.0.1:{port}"


async def load(port: int, command: str, text: str, sink_base: str) -> dict[str, Any]:
    generator = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.slack_load",
        "load",
        f"http://127.0.0.1:{port}/slack/events",
        SECRET,
        str(SECONDS),
        str(CONCURRENCY),
        command,
        text,
        sink_base,
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await generator.communicate()
    result: dict[str, Any] = json.loads(out)
    return result


async def replies_so_far(session: aiohttp.ClientSession, sink_base: str) -> int:
    async with session.get(f"{sink_base}/count") as answer:
        return int((await answer.json())["replies"])


def bare_app(command: str, sink_base: str, process_before_response: bool) -> web.Application:
    quiet = logging.getLogger("slack_bolt.bench")
    quiet.setLevel(logging.WARNING)
    app = AsyncApp(
        client=AsyncWebClient(token="xoxb-bench", base_url=f"{sink_base}/api/"),
        signing_secret=SECRET,
        process_before_response=process_before_response,
        logger=quiet,
        name="bare",
    )

    async def only_ack(ack: Any) -> None:
        await ack()

    app.command(command)(only_ack)

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    application = web.Application()
    application.router.add_post("/slack/events", events)
    return application


async def serve(application: web.Application) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(application, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, int(runner.addresses[0][1])


def line(label: str, result: dict[str, Any], rate: float) -> str:
    ms = [s * 1000 for s in result["latencies"]]
    return (
        f"{label:<44} {rate:8.0f} req/s  ack p50={percentile(ms, 50):6.2f} ms"
        f"  p99={percentile(ms, 99):7.2f} ms  n={result['ok']} errors={result['errors']}"
    )


async def main() -> None:
    logging.getLogger("slack_bolt").setLevel(logging.WARNING)
    sink, sink_base = await start_sink()
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "bench.db")
        try:
            command, text, what = await prepare(db)
            places = PlaceIndex(db)
            await places.reload()
            settings = Settings(
                db_path=str(Path(tmp) / "bench.db"),
                slack_bot_token="xoxb-bench",
                slack_signing_secret=SECRET,
                slack_api_url=f"{sink_base}/api/",
                slack_port=0,
            )
            deps = Deps(settings=settings, db=db, places=places)
            print(f"{CONCURRENCY} connections, {SECONDS:.0f} s each; Counterwatch runs {what}")
            await compare(Dispatcher(build_registry(), deps), command, text, sink_base)
        finally:
            await db.close()
            assert sink.stdin is not None
            sink.stdin.close()
            await sink.wait()


async def compare(dispatcher: Dispatcher, command: str, text: str, sink_base: str) -> None:
    bare_rates = []
    for label, before_response in (
        ("bare bolt, only ack (default)", False),
        ("bare bolt, only ack (process_before_response)", True),
    ):
        runner, port = await serve(bare_app(command, sink_base, before_response))
        result = await load(port, command, text, sink_base)
        await runner.cleanup()
        bare_rates.append(result["ok"] / result["seconds"])
        print(line(label, result, bare_rates[-1]), flush=True)

    rates = []
    for run_command, run_text, label in (
        (command, text, "Counterwatch " + command),
        ("/counterwatch", "ring lookup", "Counterwatch /counterwatch ring lookup (no DB)"),
    ):
        rates.append(await measure(dispatcher, run_command, run_text, sink_base, label))
    best = max(bare_rates)
    for label, rate in zip(("with " + command, "adapter only"), rates, strict=True):
        verdict = "meets" if rate / best >= 0.8 else "MISSES"
        print(
            f"Counterwatch ({label}) keeps {rate / best:.0%} of the faster bare app"
            f" ({verdict} the 80% target)"
        )


async def measure(
    dispatcher: Dispatcher, command: str, text: str, sink_base: str, label: str
) -> float:
    """Run Counterwatch under load; return the rate at which answers were delivered."""
    stop = asyncio.Event()
    ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        run_slack(dispatcher, stop, host="127.0.0.1", ready=ready.set_result)
    )
    port = await ready
    async with aiohttp.ClientSession() as session:
        before = await replies_so_far(session, sink_base)
        started = time.monotonic()
        result = await load(port, command, text, sink_base)
        posted = result["ok"] - result["inline"]  # answers that followed on response_url
        while await replies_so_far(session, sink_base) - before < posted:
            await asyncio.sleep(0.05)  # a benchmark may poll: wait until every reply landed
        delivered = time.monotonic() - started
    stop.set()
    await task
    rate = float(min(result["ok"] / result["seconds"], result["ok"] / delivered))
    print(line(label, result, rate) + f"  ({result['inline']} answered in the ack)", flush=True)
    return rate

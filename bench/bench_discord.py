"""Discord adapter latency through the fake Discord (unmodified discord.py, real protocol).

Figures: INTERACTION_CREATE sent on the gateway -> interaction callback received on
REST, for `/ring lookup` against the imported EFF Atlas (one at a time, then 200 in
flight at once), beside two baselines from the same run: the dispatcher alone (no
Discord at all) and `/help` through the fake (the adapter with a trivial command).
"""

from __future__ import annotations

import asyncio
import itertools
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.clock import NOW
from bench.stats import describe_ms, percentile
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from bot.platforms.discord import run_discord
from commands import build_registry
from storage.db import Database
from testkit.fake_discord import FakeDiscord, payloads
from wiring import wire_deps

ATLAS = Path(__file__).resolve().parents[2] / "shared" / "data"
ATLAS_FILE = ATLAS / "eff_atlas_of_surveillance_2020-10-07.csv"
SEQUENTIAL = 200
BURST = 200
DEADLINE_S = 3.0


async def import_atlas_places(db: Database) -> list[str]:
    """Import the real Atlas; return 'City, ST' of its Ring partners (empty if unavailable)."""
    try:
        from storage.importers.atlas import RING, parse_atlas
        from storage.importers.atlas_write import import_atlas
    except ImportError:
        print("storage/importers/atlas.py is absent: /ring lookup runs on an empty database")
        return []
    if not ATLAS_FILE.is_file():
        print(f"{ATLAS_FILE} is absent: /ring lookup runs on an empty database")
        return []
    parsed = parse_atlas(ATLAS_FILE.read_bytes())
    started = time.perf_counter()
    await import_atlas(db, parsed, as_of="2020-10-07", imported_at=NOW)
    print(f"imported {len(parsed.rows)} Atlas rows in {time.perf_counter() - started:.1f} s")
    places = [f"{r.city}, {r.state}" for r in parsed.rows if r.technology == RING and r.city]
    return list(dict.fromkeys(places))


async def ack_latency(fake: FakeDiscord, path: str, values: dict[str, object]) -> float:
    started = time.perf_counter()
    sent = await fake.send_interaction(path, values)
    callback = await fake.callback(sent)
    return callback.at - started


def private_answers(fake: FakeDiscord, tokens: set[str]) -> int:
    """How many of these interactions got an ephemeral answer (for lookups: a refusal)."""
    return sum(
        1
        for r in fake.requests
        if r.path.endswith("/callback")
        and r.path.split("/")[-2] in tokens
        and ((r.body.get("data") or {}).get("flags") or 0) & 64
    )


async def burst(fake: FakeDiscord, places: list[str]) -> list[float]:
    """Send BURST interactions back to back, then collect every callback."""
    sent: list[tuple[float, dict[str, Any]]] = []
    for place in itertools.islice(itertools.cycle(places), BURST):
        started = time.perf_counter()
        sent.append((started, await fake.send_interaction("/ring lookup", {"place": place})))
    callbacks = await asyncio.gather(*(fake.callback(s) for _, s in sent))
    return [cb.at - started for (started, _), cb in zip(sent, callbacks, strict=True)]


async def dispatcher_alone(dispatcher: Dispatcher, places: list[str]) -> list[float]:
    command = dispatcher.registry.get(("ring", "lookup"))
    assert command is not None
    who = Identity("bench", payloads.GUILD_ID, "1", "bench", Role.MEMBER)
    samples = []
    for place in itertools.islice(itertools.cycle(places), SEQUENTIAL):
        started = time.perf_counter()
        await dispatcher.run_options(who, command, {"place": place})
        samples.append(time.perf_counter() - started)
    return samples


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "bench.db")
        fake = FakeDiscord()
        await fake.start()
        try:
            await run(db, fake, tmp)
        finally:
            await fake.close()
            await db.close()


async def run(db: Database, fake: FakeDiscord, tmp: str) -> None:
    places = await import_atlas_places(db) or ["Greenfield, WI"]
    settings = Settings(
        db_path=str(Path(tmp) / "bench.db"),
        discord_token="bench-token",
        discord_api_base=fake.api_base,
        discord_guild_id=payloads.GUILD_ID,
    )
    dispatcher = Dispatcher(
        build_registry(),
        await wire_deps(db, settings, lambda: NOW),
    )
    stop = asyncio.Event()
    bot = asyncio.create_task(run_discord(dispatcher, stop))
    await asyncio.wait_for(fake.gateway.connected.wait(), 30)
    print(f"{len(places)} distinct Ring places; {SEQUENTIAL} sequential lookups each")
    print(
        describe_ms(
            "baseline: dispatcher alone, /ring lookup", await dispatcher_alone(dispatcher, places)
        )
    )
    helps = [await ack_latency(fake, "/help", {}) for _ in range(SEQUENTIAL)]
    print(describe_ms("baseline: /help through the fake, send->callback", helps))
    before = {r.path.split("/")[-2] for r in fake.requests if r.path.endswith("/callback")}
    lookups = [
        await ack_latency(fake, "/ring lookup", {"place": p})
        for p in itertools.islice(itertools.cycle(places), SEQUENTIAL)
    ]
    print(describe_ms("/ring lookup through the fake, send->callback", lookups))
    tokens = {r.path.split("/")[-2] for r in fake.requests if r.path.endswith("/callback")}
    refused = private_answers(fake, tokens - before)
    print(f"  of which {refused} answered with a private message (place not found/ambiguous)")
    started = time.perf_counter()
    burst_samples = await burst(fake, places)
    elapsed = time.perf_counter() - started
    deferred = sum(
        1 for r in fake.requests if r.path.endswith("/callback") and r.body.get("type") == 5
    )
    print(describe_ms(f"{BURST} /ring lookup in flight at once, send->callback", burst_samples))
    print(
        f"burst: {len(burst_samples)}/{BURST} answered in {elapsed:.2f} s"
        f" ({BURST / elapsed:.0f}/s); p99 {percentile(burst_samples, 99) * 1000:.0f} ms"
        f" vs the {DEADLINE_S * 1000:.0f} ms deadline; {deferred} deferred;"
        f" {sum(s > DEADLINE_S for s in burst_samples)} late"
    )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process (bot, fake and database together): {rss_mb:.0f} MB")
    stop.set()
    await bot

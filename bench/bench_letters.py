"""/letter draft end to end, beside a bare Jinja render of the same template.

Setup: a temp-dir database with the seed and (when ../shared/data is present) the EFF
Atlas export imported, so Greenfield, WI has its real Ring partnership.
- dispatcher: `/letter draft ring-council Greenfield, WI signer:... language:...` through
  Dispatcher.run_text: grammar, option checks, place resolution, the fact queries,
  the guarded render, the reply with its file. Sequential, then 50 concurrent.
- bare:       `template.render(context)` of the same compiled template with the same
  context, built once: the cost of Jinja alone.

Run: .venv/bin/python -m bench letters   (LETTERS_BENCH_N overrides the draft count)
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.clock import NOW
from bench.stats import describe_ms
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from commands.letters.catalog import LetterCatalog
from commands.letters.context import DraftAsk, build_context
from storage.db import Database
from storage.importers.atlas import parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.seed import ensure_seed
from wiring import wire_deps

DRAFTS = int(os.environ.get("LETTERS_BENCH_N", "2000"))
CONCURRENT = 50
ATLAS = (
    Path(os.environ.get("COUNTERWATCH_SHARED_DATA", Path(__file__).parents[2] / "shared/data"))
    / "eff_atlas_of_surveillance_2020-10-07.csv"
)
WHO = Identity("bench", "W1", "U1", "Bench", Role.MEMBER, "C1")


async def _setup(path: Path) -> tuple[Database, Deps, str]:
    db = await Database.open(path)
    await ensure_seed(db, now=NOW)
    if ATLAS.is_file():
        await import_atlas(db, parse_atlas(ATLAS.read_bytes()), as_of="2020-10-07", imported_at=NOW)
        place = "Greenfield, WI"
    else:  # no shared data: a hand-made partnership keeps the benchmark runnable
        from testkit.letters_facts import letters_agencies

        await db.write(letters_agencies)
        place = "Greenfield, WI"
    deps = await wire_deps(db, Settings(db_path=str(path)), lambda: NOW)
    return db, deps, place


def _line(i: int, place: str) -> str:
    language = "es" if i % 2 else "en"
    return f'/letter draft ring-council {place} signer:"Signer {i}" language:{language}'


async def _dispatcher_run(disp: Dispatcher, place: str, n: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    start = time.perf_counter()
    for i in range(n):
        t0 = time.perf_counter()
        reply = await disp.run_text(WHO, _line(i, place))
        latencies.append(time.perf_counter() - t0)
        if reply.error:
            raise SystemExit(f"draft failed: {reply.text}")
    return time.perf_counter() - start, latencies


async def _concurrent_run(disp: Dispatcher, place: str, n: int) -> tuple[float, list[float]]:
    latencies: list[float] = []

    async def one(i: int) -> None:
        t0 = time.perf_counter()
        await disp.run_text(WHO, _line(i, place))
        latencies.append(time.perf_counter() - t0)

    start = time.perf_counter()
    for batch in range(0, n, CONCURRENT):
        await asyncio.gather(*(one(i) for i in range(batch, min(n, batch + CONCURRENT))))
    return time.perf_counter() - start, latencies


async def _bare_run(deps: Deps, place: str, n: int) -> tuple[float, list[float], int]:
    catalog = LetterCatalog()
    info = catalog.shipped("ring-council", "en")
    assert info is not None
    template = catalog.compiled(info)
    ask = DraftAsk("ring-council", info.fields, "en", place=place, signer="Signer")
    context = await build_context(deps, ask)
    latencies: list[float] = []
    start = time.perf_counter()
    size = 0
    for _ in range(n):
        t0 = time.perf_counter()
        size = len(template.render(context))
        latencies.append(time.perf_counter() - t0)
    return time.perf_counter() - start, latencies, size


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, deps, place = await _setup(Path(tmp) / "bench.db")
        try:
            source = "EFF Atlas 2020-10-07 + seed" if ATLAS.is_file() else "seed + test agencies"
            print(f"facts: {source}; place {place}; {DRAFTS} drafts of ring-council (en/es)")
            disp = Dispatcher(build_registry(), deps)
            await _dispatcher_run(disp, place, 50)  # warm-up: compile both languages
            seconds, lat = await _dispatcher_run(disp, place, DRAFTS)
            print(describe_ms("dispatcher sequential", lat))
            print(f"  throughput {DRAFTS / seconds:,.0f} drafts/s")
            seconds, lat = await _concurrent_run(disp, place, DRAFTS)
            print(describe_ms(f"dispatcher {CONCURRENT} concurrent", lat))
            print(f"  throughput {DRAFTS / seconds:,.0f} drafts/s")
            seconds, lat, size = await _bare_run(deps, place, DRAFTS)
            print(describe_ms("bare jinja render (baseline)", lat))
            print(f"  throughput {DRAFTS / seconds:,.0f} renders/s; draft {size:,} characters")
            # Memory apart from the timed runs: tracemalloc slows everything it watches.
            tracemalloc.start()
            await _dispatcher_run(disp, place, 200)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"peak traced memory over 200 drafts: {peak / 1e6:.2f} MB")
        finally:
            await db.close()

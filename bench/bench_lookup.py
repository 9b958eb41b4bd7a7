"""Place look-ups and autocomplete at scale: the real EFF Atlas plus 20,000 synthetic agencies.

Prints, each against its target: `/ring lookup` through the dispatcher (exact place and with
a typo), place autocomplete, the import of the real CSV, the place-index build, and the
start-up time and peak memory of `python main.py ask "/help"`. The baseline in the same run
is a naive full rapidfuzz WRatio scan over every name, which is what the index avoids.
Run: .venv/bin/python -m bench lookup
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from bench.clock import NOW
from bench.stats import describe_ms, percentile
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.registry import AutocompleteContext
from bot.core.settings import Settings
from commands import build_registry
from lexicon.states import STATES
from places.index import PlaceIndex
from storage.db import Database
from storage.facts import write as facts_write
from storage.facts.repository import FactsStore
from storage.importers.atlas import parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.seed import ensure_seed
from storage.sql import Conn
from wiring import wire_deps

ROOT = Path(__file__).resolve().parents[1]
ATLAS_FILE = "eff_atlas_of_surveillance_2020-10-07.csv"
SYNTHETIC = 20_000
SAMPLES = 1_000
BASELINE_SAMPLES = 50
RING = "Ring/Neighbors Partnership"
WHO = Identity("bench", "W", "U1", "bench", Role.MEMBER)
CTX = AutocompleteContext("bench", "W", "U1")
_SYLLABLES = (
    "ka", "lo", "mer", "va", "tin", "dor", "sel", "bra", "qui", "no",
    "ren", "thal", "wick", "os", "mar", "lin", "ford", "ash", "ton", "dale",
)  # fmt: skip


def shared_atlas() -> Path | None:
    base = os.environ.get("COUNTERWATCH_SHARED_DATA", str(ROOT.parent / "shared" / "data"))
    path = Path(base) / ATLAS_FILE
    return path if path.is_file() else None


def synthetic_city(rng: random.Random) -> str:
    name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
    return name.capitalize() + rng.choice(("", "", " Falls", " Heights", "ville", " Park"))


async def add_synthetic(db: Database, count: int, rng: random.Random) -> None:
    states = [s for s in STATES if len(s) == 2]
    rows = [(synthetic_city(rng), rng.choice(states), rng.random() < 0.3) for _ in range(count)]

    async def job(conn: Conn) -> None:
        source = await facts_write.upsert_source(conn, "https://example.invalid/synthetic")
        for n, (city, state, ring) in enumerate(rows):
            agency = await facts_write.upsert_agency(
                conn, f"{city} Police Department", state, city=city,
                county=f"{city.split()[0]} County", kind="Police",
            )  # fmt: skip
            if ring:
                await facts_write.upsert_deployment(
                    conn, agency, RING, source, "2020-10-07", natural_key=f"synthetic:{n}",
                    vendor="Ring", started="2019-05-01", started_precision="month",
                )  # fmt: skip

    await db.write(job)


def typo(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters inside the name part (before the comma)."""
    name, _, rest = text.partition(",")
    if len(name) < 5:
        return text
    i = rng.randrange(1, len(name) - 2)
    if name[i] == " " or name[i + 1] == " ":
        return text
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :] + ("," + rest if rest else "")


async def timed_lookups(dispatcher: Dispatcher, lines: list[str]) -> tuple[list[float], int]:
    seconds, errors = [], 0
    for line in lines:
        start = time.perf_counter()
        reply = await dispatcher.run_text(WHO, line)
        seconds.append(time.perf_counter() - start)
        errors += reply.error
    return seconds, errors


async def timed_autocomplete(dispatcher: Dispatcher, typed: list[str]) -> list[float]:
    seconds = []
    for text in typed:
        start = time.perf_counter()
        await dispatcher.autocomplete("place", CTX, text)
        seconds.append(time.perf_counter() - start)
    return seconds


def verdict(seconds: list[float], target_ms: float) -> str:
    p99 = percentile([s * 1000 for s in seconds], 99)
    return f"target p99 < {target_ms:g} ms: {'met' if p99 < target_ms else 'MISSED'}"


def startup(db_path: str) -> tuple[float, float]:
    """Wall seconds and max RSS (MiB) of one `main.py ask "/help"`, measured on that child."""
    env = {**os.environ, "COUNTERWATCH_DB": db_path, "COUNTERWATCH_LOG_LEVEL": "WARNING"}
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "main.py", "ask", "/help"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"main.py ask /help exited with status {status}")
    return elapsed, usage.ru_maxrss / 1024


def print_startup(label: str, db_path: str) -> None:
    runs = [startup(db_path) for _ in range(3)]
    best = min(r[0] for r in runs)
    rss = max(r[1] for r in runs)
    ok = "met" if best < 1.0 else "MISSED"
    print(f"start-up of ask /help, {label}: best of 3 {best:.3f} s (target < 1 s: {ok});"
          f" runs {', '.join(f'{r[0]:.3f}' for r in runs)} s; max RSS {rss:.1f} MiB")  # fmt: skip


async def main() -> None:
    rng = random.Random(20201007)
    atlas = shared_atlas()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = str(Path(tmp) / "fresh.db")
        print_startup("fresh database (migrations and seed on first start)", fresh)
        print_startup("seeded database", fresh)
        db_path = str(Path(tmp) / "bench.db")
        db = await Database.open(db_path)
        try:
            await ensure_seed(db, now=NOW)
            if atlas is None:
                print(f"shared data absent ({ATLAS_FILE}): skipping the real-data import")
            else:
                data = atlas.read_bytes()
                start = time.perf_counter()
                summary = await import_atlas(
                    db, parse_atlas(data), as_of="2020-10-07", imported_at=NOW
                )
                took = time.perf_counter() - start
                ok = "met" if took < 2.0 else "MISSED"
                print(f"import of the real Atlas CSV ({summary.rows_read:,} rows): {took:.3f} s"
                      f" (target < 2 s: {ok})")  # fmt: skip
            await add_synthetic(db, SYNTHETIC, rng)
            places = PlaceIndex(FactsStore(db))
            start = time.perf_counter()
            await places.reload()
            print(f"place index: {len(places):,} places built in"
                  f" {time.perf_counter() - start:.3f} s (at start and on reload)")  # fmt: skip
            deps = await wire_deps(db, Settings(db_path=db_path), lambda: NOW)
            await run_timings(Dispatcher(build_registry(), deps), places, rng)
        finally:
            await db.close()
        print_startup("real Atlas + 20,000 synthetic agencies", db_path)


async def run_timings(dispatcher: Dispatcher, places: PlaceIndex, rng: random.Random) -> None:
    everything = places.all_places()
    cities = sorted({p.label for p in everything if p.kind == "city"})
    sample = rng.sample(cities, min(SAMPLES, len(cities)))
    exact, errors = await timed_lookups(dispatcher, [f"/ring lookup {c}" for c in sample])
    print(describe_ms("/ring lookup, exact place", exact), verdict(exact, 2), f"errors={errors}")
    typos = [typo(c, rng) for c in sample]
    slow, errors = await timed_lookups(dispatcher, [f"/ring lookup {t}" for t in typos])
    print(describe_ms("/ring lookup, one typo", slow), verdict(slow, 10),
          f"unresolved={errors} (ambiguous or too far)")  # fmt: skip
    prefixes = [c[: rng.randint(1, 8)] for c in sample]
    auto = await timed_autocomplete(dispatcher, prefixes)
    print(describe_ms("place autocomplete, a prefix", auto), verdict(auto, 5))
    auto = await timed_autocomplete(dispatcher, [typo(c, rng)[:9] for c in sample])
    print(describe_ms("place autocomplete, a prefix with a typo", auto), verdict(auto, 5))
    names = sorted({p.label.rsplit(",", 1)[0] for p in everything})
    baseline = []
    for text in typos[:BASELINE_SAMPLES]:
        start = time.perf_counter()
        process.extractOne(text, names, scorer=fuzz.WRatio)
        baseline.append(time.perf_counter() - start)
    print(describe_ms(f"baseline: full WRatio scan over {len(names):,} names", baseline))

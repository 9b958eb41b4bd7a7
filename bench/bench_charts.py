"""Charts: render cost per figure, peak memory, and the event loop's longest stall while
charts render under load.

- render:  draw_png in this process, sequentially: p50/p99 per figure kind, and the peak of
           Python allocations (tracemalloc) for the largest one (national /ring stats).
- stall:   a ticker on the loop sleeps 1 ms at a time and records how late it wakes, while
           CHART_BENCH_N national charts go through ChartRenderer (kept at capacity, the
           overflow refused as ChartBusy and retried). Once with the process pool (as the bot
           runs), once with a thread pool, to show why the bot uses processes.

Run: .venv/bin/python -m bench charts   (CHART_BENCH_N overrides the number of renders)
"""

from __future__ import annotations

import asyncio
import os
import time
import tracemalloc

from bench.stats import describe_ms
from charts import ChartBusy, ChartRenderer, MonthsChart, SignupsChart, StateTiles
from charts.draw import draw_png
from charts.jobs import ChartJob
from charts.tiles import TILES

RENDERS = int(os.environ.get("CHART_BENCH_N", "60"))
SEQUENTIAL = 20
MONTHS = MonthsChart(
    "Agencies joining Ring partnerships by month (all states)",
    tuple((f"{y}-{m:02d}", (y - 2017) * m) for y in (2018, 2019, 2020) for m in range(1, 13)),
    "Jan 2018 to Oct 2020: the span of the EFF Atlas snapshot of 2020-10-07.",
)
NATIONAL: ChartJob = (
    MONTHS,
    StateTiles("By state", tuple((s, i * 7) for i, s in enumerate(TILES))),
)
SIGNUPS = SignupsChart(
    "sign-ups", tuple((f"2026-{1 + d // 28:02d}-{1 + d % 28:02d}", d * 3) for d in range(300)), 1000
)


def render_figures() -> None:
    for label, job in (("signups", SIGNUPS), ("months", MONTHS), ("national", NATIONAL)):
        draw_png(job)  # warm: fonts and the colormap load once
        times = []
        for _ in range(SEQUENTIAL):
            start = time.perf_counter()
            draw_png(job)
            times.append(time.perf_counter() - start)
        print(describe_ms(f"render {label}", times), flush=True)
    tracemalloc.start()
    png = draw_png(NATIONAL)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"national chart: {len(png):,} bytes, peak Python allocations {peak / 2**20:.1f} MiB")


async def baseline(seconds: float = 5.0) -> None:
    """The loop's lateness with no chart at all: what this host's scheduler adds anyway."""
    lateness: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        await asyncio.sleep(0.001)
        lateness.append(time.perf_counter() - start - 0.001)
    print(f"no charts, {seconds:.0f} s: {describe_ms('loop lateness', lateness)}", flush=True)


async def stall_while_rendering(processes: bool) -> None:
    renderer = ChartRenderer(processes=processes)
    await renderer.render(NATIONAL)  # the workers are up and warm before measuring
    lateness: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            start = time.perf_counter()
            await asyncio.sleep(0.001)
            lateness.append(time.perf_counter() - start - 0.001)

    async def one() -> None:
        while True:
            try:
                await renderer.render(NATIONAL)
                return
            except ChartBusy:
                await asyncio.sleep(0.01)

    tick = asyncio.create_task(ticker())
    start = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(RENDERS)))
    elapsed = time.perf_counter() - start
    done.set()
    await tick
    renderer.close()
    kind = "process pool" if processes else "thread pool"
    print(
        f"{kind}: {RENDERS} national charts in {elapsed:.2f} s;"
        f" {describe_ms('loop lateness', lateness)}",
        flush=True,
    )


async def main() -> None:
    render_figures()
    await baseline()
    await stall_while_rendering(processes=True)
    await stall_while_rendering(processes=False)

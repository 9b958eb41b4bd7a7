"""Charts: PNGs drawn off the loop, refused (not queued without end) when too many wait."""

from __future__ import annotations

import asyncio
import io

import pytest
from matplotlib.colors import to_rgb
from matplotlib.image import imread

from charts import ChartBusy, ChartRenderer, MonthsChart, SignupsChart, StateTiles
from charts.draw import ACCENT, draw_png
from commands.charted import cumulative

PNG = b"\x89PNG\r\n\x1a\n"
MONTHS = MonthsChart("joins", (("2018-01", 2), ("2018-02", 0), ("2018-03", 5)), "span")
TILES = StateTiles("by state", (("WI", 3), ("CA", 30), ("ZZ", 1)))  # an unknown code is skipped


@pytest.mark.parametrize(
    "job",
    [
        SignupsChart("sign-ups", (("2026-01-01", 1), ("2026-01-03", 4)), goal=10),
        SignupsChart("no goal", (("2026-01-01", 1),), goal=0),
        MONTHS,
        TILES,
        (MONTHS, TILES),
    ],
)
def test_every_chart_is_a_png(job: SignupsChart | MonthsChart | StateTiles) -> None:
    assert draw_png(job).startswith(PNG)


def test_cumulative_counts_in_what_the_listed_days_leave_out() -> None:
    newest_first = [("2026-01-03", 2), ("2026-01-01", 1)]
    assert cumulative(newest_first, total=3) == [("2026-01-01", 1), ("2026-01-03", 3)]
    # 10 signed up before the days listed: the last point is still the true count.
    assert cumulative(newest_first, total=13)[-1] == ("2026-01-03", 13)
    assert cumulative([], total=0) == []


async def test_a_full_queue_refuses_at_once_and_frees_up_after() -> None:
    renderer = ChartRenderer(workers=1, waiting=1, processes=False)
    try:
        running = [asyncio.ensure_future(renderer.render(MONTHS)) for _ in range(2)]
        await asyncio.sleep(0)  # both are in flight now
        assert renderer.in_flight == 2
        with pytest.raises(ChartBusy):
            await renderer.render(MONTHS)
        assert all(png.startswith(PNG) for png in await asyncio.gather(*running))
        assert renderer.in_flight == 0
        assert (await renderer.render(MONTHS)).startswith(PNG)
    finally:
        renderer.close()


async def test_the_process_pool_renders() -> None:
    renderer = ChartRenderer(workers=1, waiting=0)
    try:
        assert (await renderer.render(TILES)).startswith(PNG)
    finally:
        renderer.close()


async def test_the_same_job_is_drawn_once_and_kept() -> None:
    renderer = ChartRenderer(workers=1, waiting=0, processes=False)
    job = MonthsChart("Agencies joining", (("2019-01", 3), ("2019-02", 5)), "EFF Atlas")
    first = await renderer.render(job)
    renderer.close()  # the pool is gone: only a kept picture can still be answered
    assert await renderer.render(job) == first
    with pytest.raises(RuntimeError):  # another job needs the (closed) pool
        await renderer.render(StateTiles("Agencies by state", (("WI", 2),)))


def _share_of_fill(png: bytes) -> float:
    """The share of the picture painted in the sign-ups' fill (the accent at 15 % on white)."""
    pixels = imread(io.BytesIO(png), format="png")[..., :3]
    fill = to_rgb(ACCENT)
    shade = [0.15 * c + 0.85 for c in fill]
    close = (abs(pixels - shade) < 0.02).all(axis=-1)
    return float(close.mean())


@pytest.mark.parametrize("goal", [0, 10])
def test_sign_ups_on_a_single_day_are_visible(goal: int) -> None:
    # A one-day campaign drew a step of no width: only the goal line showed.
    one_day = draw_png(SignupsChart("one day", (("2026-01-01", 4),), goal=goal))
    assert _share_of_fill(one_day) > 0.05
    two_days = draw_png(SignupsChart("two days", (("2026-01-01", 1), ("2026-01-02", 4)), goal))
    assert _share_of_fill(two_days) > 0.05

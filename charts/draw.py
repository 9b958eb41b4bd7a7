"""The drawing itself, run in the worker: a job in, PNG bytes out.

Only the object-oriented matplotlib API (Figure + the Agg canvas), never pyplot: pyplot
keeps global figure state, and a worker drawing one figure after another must not leak
figures between jobs.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # before anything else of matplotlib: no display, no GUI toolkit

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from charts.jobs import ChartJob, MonthsChart, SignupsChart, StateTiles
from charts.tiles import COLUMNS, ROWS, TILES

DPI = 100
ACCENT = "#3b5bdb"
GOAL = "#c92a2a"
EMPTY = "#e9ecef"

CAPTION_WIDTH = 125  # characters of the 8-point caption that fit the figure's width


def draw_png(job: ChartJob) -> bytes:
    """The job as a PNG. Entry point of the worker (module-level, so it pickles by name)."""
    figure = figure_of(job)
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)  # attaches itself to the figure: savefig draws with Agg
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def figure_of(job: ChartJob) -> Figure:
    """The job drawn on a figure (every word on it comes from the job)."""
    if isinstance(job, tuple):
        months, tiles = job
        figure = Figure(figsize=(9, 8.5), dpi=DPI)
        top, bottom = figure.subplots(2, 1, height_ratios=(1, 1.3))
        _months(top, months)
        _tiles(figure, bottom, tiles)
    else:
        figure = Figure(figsize=(9, 4.5) if not isinstance(job, StateTiles) else (9, 5), dpi=DPI)
        axes = figure.subplots()
        if isinstance(job, SignupsChart):
            _signups(axes, job)
        elif isinstance(job, MonthsChart):
            _months(axes, job)
        else:
            _tiles(figure, axes, job)
    figure.tight_layout()
    return figure


def _signups(axes: Axes, job: SignupsChart) -> None:
    days = [day for day, _ in job.days]
    totals = [total for _, total in job.days]
    # Each day is as wide as one unit: the last total is drawn on to the end of its day, so
    # the last day (and a campaign's only day) has a width, not a point that shows nothing.
    edges = list(range(len(days) + 1)) if days else []
    heights = [*totals, *totals[-1:]]
    axes.step(edges, heights, where="post", color=ACCENT, linewidth=2, label=job.legend)
    axes.fill_between(edges, heights, step="post", color=ACCENT, alpha=0.15)
    axes.set_xlim(0, max(len(days), 1))
    if job.goal:
        axes.axhline(
            job.goal,
            color=GOAL,
            linestyle="--",
            linewidth=1.5,
            label=job.goal_label or f"goal {job.goal:,}",
        )
    axes.set_ylim(0, max([job.goal, *totals, 1]) * 1.1)
    axes.set_title(job.title)
    axes.set_ylabel(job.axis)
    _day_ticks(axes, days, offset=0.5)
    axes.legend(loc="upper left")
    axes.grid(axis="y", alpha=0.3)


def _day_ticks(axes: Axes, labels: list[str], offset: float = 0.0) -> None:
    """At most 8 labels, so a long campaign's axis stays readable; `offset` puts each label
    at the middle of its day rather than at its start."""
    step = max(1, len(labels) // 8)
    shown = list(range(0, len(labels), step))
    axes.set_xticks(
        [i + offset for i in shown], [labels[i] for i in shown], rotation=30, ha="right"
    )


def _months(axes: Axes, job: MonthsChart) -> None:
    labels = [month for month, _ in job.months]
    counts = [count for _, count in job.months]
    axes.bar(range(len(labels)), counts, color=ACCENT)
    _day_ticks(axes, labels)
    axes.set_title(job.title)
    axes.set_ylabel(job.axis)
    axes.grid(axis="y", alpha=0.3)
    # Wrapped: a caption in another language runs longer than the English one (one line).
    caption = textwrap.fill(job.caption, CAPTION_WIDTH)
    axes.annotate(caption, (0, -0.32), xycoords="axes fraction", fontsize=8, color="#495057")


def _tiles(figure: Figure, axes: Axes, job: StateTiles) -> None:
    counts = dict(job.counts)
    top = max(counts.values(), default=0) or 1
    colours = matplotlib.colormaps["Blues"]
    for state, (row, column) in TILES.items():
        count = counts.get(state, 0)
        shade = colours(0.15 + 0.85 * count / top) if count else EMPTY
        axes.add_patch(Rectangle((column, -row), 0.92, 0.92, color=shade))
        ink = "white" if count > top * 0.55 else "black"
        axes.text(column + 0.46, -row + 0.58, state, ha="center", va="center", fontsize=8,
                  color=ink, weight="bold")  # fmt: skip
        axes.text(column + 0.46, -row + 0.28, f"{count:,}", ha="center", va="center",
                  fontsize=7, color=ink)  # fmt: skip
    axes.set_xlim(-0.1, COLUMNS)
    axes.set_ylim(-ROWS + 0.9, 1.0)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.set_title(job.title)
    scale = ScalarMappable(cmap=colours, norm=Normalize(0, top))
    figure.colorbar(scale, ax=axes, shrink=0.6, label=job.scale)

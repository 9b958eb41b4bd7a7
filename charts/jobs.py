"""What a chart shows, as plain picklable values: they cross into the worker process."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SignupsChart:
    """Cumulative sign-ups by day against the goal (0 = no goal)."""

    title: str
    days: tuple[tuple[str, int], ...]  # (ISO day, total signed up by the end of it), oldest first
    goal: int
    # The words drawn, in the asker's language (the worker process has no request locale).
    axis: str = "people signed up"
    legend: str = "signed up"
    goal_label: str = ""  # '' draws "goal 1,000"


@dataclass(frozen=True)
class MonthsChart:
    """A count per month, e.g. agencies joining Ring's partnerships."""

    title: str
    months: tuple[tuple[str, int], ...]  # (YYYY-MM, count), oldest first, gaps filled with 0
    caption: str  # where the figures come from and what span they cover
    axis: str = "agencies that joined"


@dataclass(frozen=True)
class StateTiles:
    """One tile per state on a grid shaped like the country, shaded by a count."""

    title: str
    counts: tuple[tuple[str, int], ...]  # (state code, count)
    scale: str = "agencies"


# A national /ring stats draws the months and the map in one picture (a reply has one file).
ChartJob = SignupsChart | MonthsChart | StateTiles | tuple[MonthsChart, StateTiles]

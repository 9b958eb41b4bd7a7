"""Charts attached to replies: PNG pictures drawn with matplotlib (Agg), off the event loop.

A feature floor like places/ and notifications/: commands build a `ChartJob` from what
storage returned and ask `render_png` for the bytes; the drawing runs in a worker process
(charts/worker.py), so a slow figure never stalls the chat connections.
"""

from __future__ import annotations

from charts.jobs import ChartJob, MonthsChart, SignupsChart, StateTiles
from charts.worker import ChartBusy, ChartRenderer, render_png

__all__ = [
    "ChartBusy",
    "ChartJob",
    "ChartRenderer",
    "MonthsChart",
    "SignupsChart",
    "StateTiles",
    "render_png",
]

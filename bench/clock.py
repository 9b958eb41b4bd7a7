"""The benchmarks' clock: a fixed moment, so that figures never depend on the day they ran."""

from __future__ import annotations

import datetime as dt

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)

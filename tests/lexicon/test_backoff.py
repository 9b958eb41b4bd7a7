"""The one backoff: doubling from the first delay, capped, for seconds and for timedeltas."""

from __future__ import annotations

import datetime as dt

from lexicon.backoff import doubling


def test_seconds_double_from_the_first_and_stop_at_the_cap() -> None:
    delays = [doubling(n, 0.5, 30.0) for n in range(1, 10)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]


def test_timedeltas_too_and_attempts_below_one_count_as_one() -> None:
    first, cap = dt.timedelta(seconds=10), dt.timedelta(minutes=15)
    assert doubling(0, first, cap) == doubling(1, first, cap) == first
    assert doubling(3, first, cap) == dt.timedelta(seconds=40)
    assert doubling(10_000, first, cap) == cap  # no overflow however many failures

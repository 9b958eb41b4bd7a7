"""The one backoff: how long to wait before trying again, doubling after each failure up
to a cap. Used by the outbox (storage), the card refresher (notifications) and the Slack
worker supervisor (platforms), so it sits on the floor all three may import."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

Delay = TypeVar("Delay", float, dt.timedelta)

# Past this many doublings every schedule here is long capped; the limit only keeps the
# multiplication from overflowing a timedelta after thousands of failures.
_MAX_DOUBLINGS = 30


def doubling(attempts: int, first: Delay, cap: Delay) -> Delay:
    """`first` after the first failed attempt, then twice as long after each further one,
    never more than `cap` (attempts below 1 count as 1)."""
    doublings = min(max(attempts - 1, 0), _MAX_DOUBLINGS)
    return min(first * (1 << doublings), cap)

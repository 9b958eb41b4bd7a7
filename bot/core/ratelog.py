"""A log line for floods: counted, and written at most once per interval.

A hostile or broken client can cause the same refusal thousands of times a second; one
line each would fill the disk (1,000 malformed requests once wrote 1.2 MB). Instead the
first occurrence is logged at once and the rest are counted into the next line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

DEFAULT_INTERVAL_S = 60.0


class CountedLog:
    def __init__(
        self,
        logger: logging.Logger,
        what: str,
        *,
        interval_s: float = DEFAULT_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
        level: int = logging.WARNING,
    ) -> None:
        self._logger = logger
        self._what = what  # a fixed phrase: never the request's content
        self._interval = interval_s
        self._clock = clock
        self._level = level
        self._pending = 0
        self._last: float | None = None
        self.total = 0

    def hit(self, reason: str) -> None:
        """Count one occurrence; `reason` must be a fixed word of ours, never client data."""
        self.total += 1
        self._pending += 1
        now = self._clock()
        if self._last is not None and now - self._last < self._interval:
            return
        self._logger.log(
            self._level,
            "%s: %d since the last report (latest: %s)",
            self._what,
            self._pending,
            reason,
        )
        self._pending = 0
        self._last = now

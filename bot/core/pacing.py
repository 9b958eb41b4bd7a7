"""Per-member pacing: a token bucket per person, and a cap on expensive commands per workspace.

A person types a command every few seconds at most and bursts a handful when exploring;
a script or a bot loop sends dozens a second. The bucket lets the first through untouched
and turns the second away with one line. Expensive commands (declared `slow=True`: imports,
exports) are also capped per workspace, however many members start them.

The clock is a monotonic one passed in: tests move it by hand and never sleep.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lexicon.i18n import N_
from lexicon.i18n.everywhere import said_everywhere

MonotonicClock = Callable[[], float]

# Said with _() in the asker's language; is_paced() knows them in every language.
SLOW_DOWN = N_("You are sending commands too fast; slow down and try again in a few seconds.")
BUSY = N_("An import or export is already running in this workspace; try again when it is done.")


def is_paced(text: str) -> bool:
    """Whether a reply's text is one of the pacing lines, in whichever language it was said
    (the metrics count them apart from the members' own errors)."""
    return text in said_everywhere(SLOW_DOWN, BUSY)


# Buckets kept at most; the least recently used go first (a full bucket loses nothing).
MAX_TRACKED = 10_000


@dataclass(frozen=True)
class Rate:
    burst: float  # how many at once, from a full bucket
    per_second: float  # how fast the bucket refills


# Generous for people (20 at once, then one every 2 s), tight for loops.
COMMANDS = Rate(burst=20, per_second=0.5)
# Autocomplete fires on keystrokes: a fast typist sends several a second.
SUGGESTIONS = Rate(burst=40, per_second=10)
# Imports and exports running at once in one workspace.
SLOW_PER_WORKSPACE = 2


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class Buckets:
    """One token bucket per key, bounded in number."""

    def __init__(self, rate: Rate, clock: MonotonicClock) -> None:
        self._rate = rate
        self._clock = clock
        self._buckets: OrderedDict[Hashable, _Bucket] = OrderedDict()

    def take(self, key: Hashable) -> bool:
        now = self._clock()
        bucket = self._buckets.pop(key, None) or _Bucket(self._rate.burst, now)
        elapsed = max(0.0, now - bucket.stamp)
        bucket.tokens = min(self._rate.burst, bucket.tokens + elapsed * self._rate.per_second)
        bucket.stamp = now
        allowed = bucket.tokens >= 1
        if allowed:
            bucket.tokens -= 1
        self._buckets[key] = bucket
        if len(self._buckets) > MAX_TRACKED:
            self._buckets.popitem(last=False)
        return allowed


class Pacing:
    def __init__(
        self,
        clock: MonotonicClock = time.monotonic,
        *,
        commands: Rate = COMMANDS,
        suggestions: Rate = SUGGESTIONS,
        slow_per_workspace: int = SLOW_PER_WORKSPACE,
    ) -> None:
        self._commands = Buckets(commands, clock)
        self._suggestions = Buckets(suggestions, clock)
        self._slow_cap = slow_per_workspace
        self._slow_running: dict[tuple[str, str], int] = {}

    def command_allowed(self, platform: str, workspace: str, user_id: str) -> bool:
        return self._commands.take((platform, workspace, user_id))

    def suggestion_allowed(self, platform: str, workspace: str, user_id: str) -> bool:
        return self._suggestions.take((platform, workspace, user_id))

    @contextmanager
    def slow_slot(self, platform: str, workspace: str) -> Iterator[bool]:
        """Yields whether an expensive command may run now; holds the slot while it does."""
        key = (platform, workspace)
        running = self._slow_running.get(key, 0)
        if running >= self._slow_cap:
            yield False
            return
        self._slow_running[key] = running + 1
        try:
            yield True
        finally:
            left = self._slow_running[key] - 1
            if left:
                self._slow_running[key] = left
            else:
                del self._slow_running[key]

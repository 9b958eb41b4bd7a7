"""Everything a command may use, built once in main.py and passed explicitly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.core.messengers import Messengers
from bot.core.services import Services
from bot.core.settings import Settings
from storage.repositories import Storage

# What time it is. Everything that needs "now" or "today" asks Deps.clock, never the system:
# main.py passes `utc_now`, tests and benchmarks a fixed moment, so no answer depends on the
# day the code runs.
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Deps:
    settings: Settings
    storage: Storage  # every repository (storage.repositories); commands use nothing else
    clock: Clock
    # Chat adapters register their direct-message senders here when they start.
    messengers: Messengers = field(default_factory=Messengers)
    # Feature state built once per process (the place index), found by its type.
    services: Services = field(default_factory=Services)

    def today(self) -> dt.date:
        return self.clock().date()

"""Liveness and metrics, platform-neutral: each platform's connection state, the database,
and Prometheus counters of the commands served. The aiohttp routes serving them live under
bot/platforms/web/.

No label ever carries user text or ids: only the platform name and a fixed outcome word.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from typing import Any, Protocol

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from bot.core.deps import Deps

# How long the database may take to answer the health check before it counts as down.
DATABASE_CHECK_S = 2.0

StateProbe = Callable[[], str]


class WriteState(Protocol):
    """The database's own account of its writes (storage's `Db.write_fault`)."""

    @property
    def write_fault(self) -> str: ...


class Monitor:
    def __init__(self, writes: WriteState | None = None) -> None:
        self._platforms: dict[str, StateProbe] = {}
        # A full disk still answers reads: only the writes tell, so they are asked too.
        self._writes = writes
        # A registry of our own: two bots in one process (tests) never share counters.
        self.registry = CollectorRegistry()
        self.commands = Counter(
            "counterwatch_commands",
            "Commands served, by platform and outcome (ok, user_error, incident, paced)",
            ["platform", "outcome"],
            registry=self.registry,
        )
        self.errors = Counter(
            "counterwatch_command_errors",
            "Commands that ended in an incident (a bug or an outage on our side)",
            ["platform"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "counterwatch_command_seconds",
            "Time from a command's arrival to its reply",
            ["platform"],
            registry=self.registry,
        )
        self.outbox_depth = Gauge(
            "counterwatch_outbox_depth",
            "Direct messages waiting in the outbox",
            registry=self.registry,
        )

    # -- platforms ------------------------------------------------------------------

    def platform(self, name: str, probe: StateProbe) -> None:
        """Register how to read a platform's connection state (e.g. "connected")."""
        self._platforms[name] = probe

    def set_state(self, name: str, state: str) -> None:
        self._platforms[name] = lambda: state

    def platform_states(self) -> dict[str, str]:
        states = {}
        for name, probe in self._platforms.items():
            try:
                states[name] = probe()
            except Exception:
                states[name] = "unknown"
        return states

    # -- commands -------------------------------------------------------------------

    def observe(self, platform: str, started: float, outcome: str) -> None:
        """One command served; `started` is its time.perf_counter() on arrival."""
        self.commands.labels(platform, outcome).inc()
        if outcome == "incident":
            self.errors.labels(platform).inc()
        self.latency.labels(platform).observe(max(0.0, time.perf_counter() - started))

    # -- reports --------------------------------------------------------------------

    async def health(self, deps: Deps) -> tuple[bool, dict[str, Any]]:
        """(healthy, the JSON report): the database answers and no platform is down."""
        database = "ok"
        try:
            async with asyncio.timeout(DATABASE_CHECK_S):
                stats = await deps.storage.outbox.stats()
            self.outbox_depth.set(stats.pending)
        except Exception:
            database = "unavailable"
        if database == "ok" and self._writes is not None and self._writes.write_fault:
            database = f"writes failing ({self._writes.write_fault})"
        platforms = self.platform_states()
        healthy = database == "ok" and all(
            state in ("connected", "serving") for state in platforms.values()
        )
        report: dict[str, Any] = {
            "status": "ok" if healthy else "degraded",
            "database": database,
            "platforms": platforms,
            # Which process answered: with SLACK_WORKERS several share one port.
            "pid": os.getpid(),
        }
        return healthy, report

    async def metrics(self, deps: Deps) -> bytes:
        """The Prometheus text exposition, the outbox depth read now."""
        try:
            async with asyncio.timeout(DATABASE_CHECK_S):
                self.outbox_depth.set((await deps.storage.outbox.stats()).pending)
        except Exception:
            pass  # the gauge keeps its last value; /healthz says the database is down
        return generate_latest(self.registry)

"""Wiring: settings -> the database (SQLite or PostgreSQL) and its repositories -> the place
index and the clock in Deps -> the registry and the dispatcher -> the chat platforms that are
configured.

main.py is the command line over this; tests and benchmarks wire through `wire_deps`
exactly as the bot does.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from bot.core.deps import Clock, Deps, utc_now
from bot.core.dispatch import Dispatcher
from bot.core.health import Monitor
from bot.core.home import home_line
from bot.core.messengers import Messengers
from bot.core.pacing import Pacing
from bot.core.services import Services
from bot.core.settings import Settings
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from places.index import PlaceIndex
from places.outside_changes import OutsideChanges
from storage.facts import FACT_TABLES
from storage.open import open_database
from storage.repositories import build_storage
from storage.seed import ensure_seed
from storage.sql import Db

log = logging.getLogger("counterwatch")


@dataclass(frozen=True)
class App:
    deps: Deps
    dispatcher: Dispatcher


async def wire_deps(
    db: Db,
    settings: Settings,
    clock: Clock,
    *,
    messengers: Messengers | None = None,
    lazy: bool = False,
) -> Deps:
    """Everything a command uses, over one database (SQLite or PostgreSQL): its repositories,
    the place index (loaded now, or on first use with `lazy`), the clock. Tests and benchmarks
    wire the same."""
    storage = build_storage(db)
    places = PlaceIndex(storage.facts)
    await places.reload(lazy=lazy)

    # Another process (an import, a second bot) changed the facts: rebuild from them (in a
    # thread, readers keep the old index meanwhile), so no restart is needed to see it.
    # PostgreSQL's notices name the fact tables, so a reload at once costs nothing when
    # other things change (a lookup in one process shows an edit made in another within a
    # second). SQLite only says THAT another process committed, which beside a second bot
    # is nearly always (sign-ups, Slack dedupe records): there, at most every few seconds.
    async def reload_places() -> None:
        await places.reload()

    on_change = reload_places if db.dialect == "postgres" else OutsideChanges(places).changed
    db.on_change_elsewhere(on_change, tables=FACT_TABLES)
    return Deps(
        settings=settings,
        storage=storage,
        clock=clock,
        messengers=messengers or Messengers(),
        services=Services(places),
    )


@asynccontextmanager
async def open_app(settings: Settings) -> AsyncIterator[App]:
    db = await open_database(settings.database)
    try:
        await ensure_seed(db, now=utc_now())  # first start: the project's seed facts
        # The place index is built on first use: `ask "/help"` never pays for it.
        deps = await wire_deps(db, settings, utc_now, lazy=True)
        dispatcher = Dispatcher(
            build_registry(),
            deps,
            on_refusal=refusal_recorder(deps),
            pacing=Pacing(),
            monitor=Monitor(),
        )
        yield App(deps=deps, dispatcher=dispatcher)
    finally:
        await db.close()


def configure_logging(settings: Settings) -> None:
    # Several Slack workers write to one stderr: each line says which process wrote it.
    who = " pid %(process)d" if settings.slack_workers > 1 else ""
    logging.basicConfig(
        level=settings.log_level, format=f"%(asctime)s{who} %(levelname)s %(name)s: %(message)s"
    )
    # Message contents must never reach our logs, whatever the level: slack-bolt
    # logs whole request bodies at INFO when a signature fails; at DEBUG, aiosqlite logs every
    # statement with its parameters (sign-ups, titles, templates) and discord.py every gateway
    # event and request body. Each of these stays at or above the level where it is quiet.
    floors = {"slack_bolt": logging.WARNING, "slack_sdk": logging.WARNING}
    floors |= {"aiosqlite": logging.INFO, "discord": logging.INFO}
    for name, floor in floors.items():
        logging.getLogger(name).setLevel(max(floor, logging.getLevelName(settings.log_level)))


# A chat platform runs until `stop` is set, then stops taking new events, finishes those in
# flight and returns.
PlatformRunner = Callable[[Dispatcher, asyncio.Event], Coroutine[Any, Any, None]]


def chat_platforms(settings: Settings) -> list[PlatformRunner]:
    """The configured chat platforms. Imported lazily: the console never pays for them."""
    runners: list[PlatformRunner] = []
    if settings.discord_enabled:
        from bot.platforms.discord import run_discord

        runners.append(run_discord)
    if settings.slack_enabled:
        from bot.platforms.slack.runner import run_slack

        runners.append(run_slack)
    if runners:
        log.info("%s", home_line(settings))
    return runners


def stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

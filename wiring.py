"""Wiring: settings -> the database (SQLite or PostgreSQL) and its repositories -> the place
index and the clock in Deps -> the registry and the dispatcher -> the chat platforms that are
configured, or the console -> the background loops beside them.

Every background task of every run mode starts and stops here (`background_loops`): the
delivery loop, the reminder loop and the card refresher, the same three in chat mode (each
Slack worker too) and at the console; the health server beside chat platforms.

main.py is the command line over this; tests and benchmarks wire through `wire_deps` and
`background_loops` exactly as the bot does.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import templating
from bot.core import tracebacks
from bot.core.deps import Clock, Deps, utc_now
from bot.core.dispatch import Dispatcher, Identity
from bot.core.health import Monitor
from bot.core.home import home_line
from bot.core.kept_files import KeptFiles
from bot.core.messengers import Messengers
from bot.core.pacing import Pacing
from bot.core.services import Services
from bot.core.settings import Settings
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from commands.campaigns.cards import current_card
from commands.campaigns.ending import summary_text
from notifications import cards, delivery, reminders
from notifications.cards import run_card_refresher
from notifications.delivery import deliver_due, run_delivery
from notifications.reminders import run_reminders
from places.index import PlaceIndex, place_index
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
        # The files the console saves (counterwatch-out/) and whom each names: /forgetme
        # deletes those naming the member, whichever platform they ask from.
        deps.services.add(KeptFiles())
        dispatcher = Dispatcher(
            build_registry(),
            deps,
            on_refusal=refusal_recorder(deps),
            pacing=Pacing(),
            monitor=Monitor(writes=db),
        )
        yield App(deps=deps, dispatcher=dispatcher)
    finally:
        await db.close()


def configure_logging(settings: Settings, *, at_terminal: bool = False) -> None:
    """`at_terminal`: the console or a one-shot `ask`, whose log lines would land between a
    person's prompt and replies; there only warnings show, unless the operator chose a level
    (COUNTERWATCH_LOG_LEVEL). A chat deployment keeps INFO for its operator."""
    level = settings.log_level
    if at_terminal and not settings.log_level_chosen:
        level = "WARNING"
    # Several Slack workers write to one stderr: each line says which process wrote it.
    who = " pid %(process)d" if settings.slack_workers > 1 else ""
    logging.basicConfig(level=level, format=f"%(asctime)s{who} %(levelname)s %(name)s: %(message)s")
    # Message contents must never reach our logs, whatever the level: slack-bolt
    # logs whole request bodies at INFO when a signature fails; at DEBUG, aiosqlite logs every
    # statement with its parameters (sign-ups, titles, templates) and discord.py every gateway
    # event and request body. Each of these stays at or above the level where it is quiet.
    floors = {"slack_bolt": logging.WARNING, "slack_sdk": logging.WARNING}
    floors |= {"aiosqlite": logging.INFO, "discord": logging.INFO}
    for name, floor in floors.items():
        logging.getLogger(name).setLevel(max(floor, logging.getLevelName(level)))


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


@dataclass(frozen=True)
class LoopPolls:
    """How often each background loop looks for work, in seconds."""

    delivery: float = delivery.POLL_SECONDS
    reminders: float = reminders.POLL_SECONDS
    cards: float = cards.POLL_SECONDS


CHAT_POLLS = LoopPolls()
# The console is one machine's database: checking the outbox every second costs nothing and
# makes a follow notification show up while the demo is still being watched.
CONSOLE_POLLS = LoopPolls(delivery=1.0)
# The background loops of every run mode, by task name.
LOOP_NAMES = ("delivery", "reminders", "cards")
Loops = dict[str, asyncio.Task[None]]  # the running loops, by name


@asynccontextmanager
async def background_loops(
    deps: Deps,
    polls: LoopPolls = CHAT_POLLS,
    stop: asyncio.Event | None = None,
    *,
    last_delivery: bool = False,
) -> AsyncIterator[Loops]:
    """Run the background loops while the block runs (or until `stop` is set): follow
    notifications and announcements delivered; reminders sent and ended campaigns closed,
    their organizers told; campaign cards' counts kept true. On leaving, the loops are told
    to stop and awaited; with `last_delivery`, one more delivery pass then shows what the
    last commands queued (the console, before it ends)."""
    stop = stop or asyncio.Event()
    work = {
        "delivery": run_delivery(deps, stop, polls.delivery),
        "reminders": run_reminders(deps, stop, summary_text, polls.reminders),
        "cards": run_card_refresher(deps, stop, current_card, poll_seconds=polls.cards),
    }
    tasks = {
        name: asyncio.create_task(loop, name=f"counterwatch-{name}") for name, loop in work.items()
    }
    log.info("background loops started: %s", ", ".join(tasks))
    try:
        yield tasks
    finally:
        stop.set()
        await asyncio.gather(*tasks.values())
        log.info("background loops stopped: %s", ", ".join(tasks))
    if last_delivery:
        try:
            await deliver_due(deps)
        except Exception as exc:
            log.error("last delivery pass failed: %s", tracebacks.describe(exc))


async def serve_chat(app: App, runners: list[PlatformRunner]) -> None:
    """The chat platforms side by side until SIGTERM/SIGINT, the background loops and (when
    configured) the health server and the campaign pages beside them."""
    place_index(app.deps).warm()  # before serving: autocomplete must answer within 3 s
    # Organizers' templates render in worker processes: started now, not on a first draft.
    templating.default_pool().start()
    stop = asyncio.Event()
    stop_on_signals(stop)
    async with background_loops(app.deps, CHAT_POLLS, stop), asyncio.TaskGroup() as group:
        for runner in runners:
            group.create_task(runner(app.dispatcher, stop))
        monitor = app.dispatcher.monitor
        settings = app.deps.settings
        if settings.health_port and monitor is not None:
            from bot.platforms.web.health import serve_health

            group.create_task(
                serve_health(app.deps, monitor, settings.health_host, settings.health_port, stop)
            )
        if settings.web_port:  # the public campaign pages (/campaign publish)
            from bot.platforms.web.pages import serve_pages

            group.create_task(serve_pages(app.deps, stop))
    log.info("all platforms stopped; closing the database")


def console_background(deps: Deps) -> Callable[[], AbstractAsyncContextManager[Loops]]:
    """The console's background loops (delivering to the people at the console, editing its
    cards), for `run_console` to start once it can show what they deliver."""
    return lambda: background_loops(deps, CONSOLE_POLLS, last_delivery=True)


async def serve_console(app: App, identity: Identity) -> None:
    """The console until EOF or /quit, the background loops beside it, and the campaign
    pages when COUNTERWATCH_WEB_PORT is set (`make run` sets it: a page an organizer
    publishes at the console opens at once)."""
    from bot.platforms.console import pages_line, run_console

    stop = asyncio.Event()
    pages: asyncio.Task[None] | None = None
    if app.deps.settings.web_port:
        from bot.platforms.web.pages import serve_pages

        settings = app.deps.settings

        def say_where(port: int) -> None:
            # The console logs only warnings (configure_logging): the person who will
            # publish a page is told here where pages are served.
            host = f"{settings.web_host}:{port}" if settings.public_url else ""
            print(pages_line(identity, settings.page_base_url, host), flush=True)

        pages = asyncio.create_task(
            serve_pages(app.deps, stop, ready=say_where), name="counterwatch-pages"
        )
    try:
        await run_console(app.dispatcher, identity, background=console_background(app.deps))
    finally:
        stop.set()
        if pages is not None:
            await pages

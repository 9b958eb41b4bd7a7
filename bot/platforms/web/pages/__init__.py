"""Public campaign pages (/campaign publish): served by their own aiohttp server."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from aiohttp import web

from bot.core.deps import Deps
from bot.platforms.web.connections import ConnectionLimiter, GuardedSite
from bot.platforms.web.pages.app import MAX_BODY, add_page_routes
from bot.platforms.web.pages.guard import Limits

log = logging.getLogger("counterwatch.pages")


def page_application(deps: Deps, limits: Limits | None = None) -> web.Application:
    """The pages' application (tests drive it with aiohttp's test client)."""
    application = web.Application(client_max_size=MAX_BODY)
    add_page_routes(application, deps, limits)
    return application


async def serve_pages(
    deps: Deps,
    stop: asyncio.Event,
    *,
    limits: Limits | None = None,
    ready: Callable[[int], None] | None = None,
) -> None:
    """The pages on COUNTERWATCH_WEB_HOST:COUNTERWATCH_WEB_PORT until `stop` is set. No
    access log: a reader's address is never written anywhere."""
    settings = deps.settings
    limiter = ConnectionLimiter()
    application = web.Application(client_max_size=MAX_BODY, middlewares=[limiter.middleware])
    add_page_routes(application, deps, limits)
    runner = web.AppRunner(application, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    try:
        site = GuardedSite(runner, limiter, settings.web_host, settings.web_port)
        try:
            await site.start()
        except OSError as exc:  # the port taken: the bot runs on, without its pages
            log.error(
                "campaign pages NOT served: cannot listen on %s:%d (%s)",
                settings.web_host, settings.web_port, exc.strerror,
            )  # fmt: skip
            return
        log.info("campaign pages on %s:%d", settings.web_host, site.bound_port)
        if ready is not None:
            ready(site.bound_port)
        await stop.wait()
    finally:
        await runner.cleanup()

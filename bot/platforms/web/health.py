"""GET /healthz (JSON: each platform's state, the database) and GET /metrics (Prometheus),
added to the Slack HTTP server, or served alone on COUNTERWATCH_HEALTH_PORT."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.core.deps import Deps
from bot.core.health import Monitor
from bot.platforms.web.connections import ConnectionLimiter, GuardedSite

log = logging.getLogger("counterwatch.health")

HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"


def add_health_routes(application: web.Application, deps: Deps, monitor: Monitor) -> None:
    async def healthz(request: web.Request) -> web.Response:
        healthy, report = await monitor.health(deps)
        return web.json_response(report, status=200 if healthy else 503)

    async def metrics(request: web.Request) -> web.Response:
        body = await monitor.metrics(deps)
        response = web.Response(body=body)
        response.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return response

    application.router.add_get(HEALTH_PATH, healthz)
    application.router.add_get(METRICS_PATH, metrics)


async def serve_health(
    deps: Deps,
    monitor: Monitor,
    host: str,
    port: int,
    stop: asyncio.Event,
    ready: Callable[[int], None] | None = None,
) -> None:
    """The health server alone, until `stop` is set."""
    limiter = ConnectionLimiter()
    application = web.Application(client_max_size=1024, middlewares=[limiter.middleware])
    add_health_routes(application, deps, monitor)
    runner = web.AppRunner(application, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    site = GuardedSite(runner, limiter, host, port)
    try:
        await site.start()
        log.info("health and metrics on port %d", site.bound_port)
        if ready is not None:
            ready(site.bound_port)
        await stop.wait()
    finally:
        site.stop()
        await runner.cleanup()

"""GET /healthz (JSON: each platform's state, the database) and GET /metrics (Prometheus).

They name the process, its platforms' states and its counters: not for the public. Served
alone on COUNTERWATCH_HEALTH_PORT, bound to COUNTERWATCH_HEALTH_HOST (127.0.0.1 unless the
operator opens it), and on the public Slack HTTP port only when COUNTERWATCH_HEALTH_TOKEN
is set, then for requests bearing it (as Slack workers sharing one port need them there).
"""

from __future__ import annotations

import asyncio
import hmac
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
    """Both routes; with COUNTERWATCH_HEALTH_TOKEN set, only for a request bearing it."""
    expected = f"Bearer {deps.settings.health_token}".encode()
    token_set = bool(deps.settings.health_token)

    def refused(request: web.Request) -> web.Response | None:
        given = request.headers.get("Authorization", "").encode("utf-8", "replace")
        if token_set and not hmac.compare_digest(given, expected):
            return web.Response(status=401, text="a health token is required")
        return None

    async def healthz(request: web.Request) -> web.Response:
        if (refusal := refused(request)) is not None:
            return refusal
        healthy, report = await monitor.health(deps)
        return web.json_response(report, status=200 if healthy else 503)

    async def metrics(request: web.Request) -> web.Response:
        if (refusal := refused(request)) is not None:
            return refusal
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

"""Running Counterwatch on Slack: Socket Mode or an HTTP server, and a graceful stop.

`SLACK_BOT_TOKEN` + `SLACK_APP_TOKEN` -> Socket Mode (no public URL needed);
`SLACK_BOT_TOKEN` + `SLACK_SIGNING_SECRET` -> HTTP on `SLACK_PORT` at /slack/events.
On `stop`: stop taking requests (close the socket / the listening port), finish the
commands in flight, then close the HTTP session.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.dispatch import Dispatcher
from bot.core.preflight import PlatformStartError
from bot.core.settings import Settings
from bot.platforms.slack.app import SlackAdapter
from bot.platforms.slack.guard import Guard, Refusal
from bot.platforms.slack.manifest import EVENTS_PATH
from bot.platforms.slack.messenger import SlackMessenger
from bot.platforms.slack.roles import RoleResolver
from bot.platforms.web.connections import ConnectionLimiter, GuardedSite, quiet_descriptor_errors
from bot.platforms.web.health import add_health_routes
from bot.platforms.web.heap import long_lived_heap_frozen

log = logging.getLogger("counterwatch.slack")

# Slack's payloads are small (a modal submission is the largest); refuse anything bigger.
MAX_BODY_BYTES = 512 * 1024
# How long a stopping HTTP server waits for requests it already accepted.
HTTP_SHUTDOWN_SECONDS = 10.0

Ready = Callable[[int], None]


def web_api_logger() -> logging.Logger:
    """The logger handed to slack_sdk's Web API client, its level set explicitly.

    slack_sdk tests its logger's OWN level (`logger.level <= DEBUG`), not the effective one:
    with the level unset (its default) it formats a debug line of every call's request and
    response (headers, params, body) that nothing then prints (~10 us of a users.info
    call's ~300 against the bench's fake Slack; more for a real member's profile). Never below
    INFO: those lines carry message texts and members' profiles, which stay out of logs.
    """
    logger = logging.getLogger("slack_sdk.web.counterwatch")
    # Where the operator's floor for slack_sdk (or the root level) is higher, it holds.
    logger.setLevel(max(logging.INFO, logger.getEffectiveLevel()))
    return logger


def build_adapter(
    dispatcher: Dispatcher, settings: Settings, session: aiohttp.ClientSession
) -> SlackAdapter:
    client = AsyncWebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        session=session,
        logger=web_api_logger(),
    )
    roles = RoleResolver(
        settings.slack_admin_user_ids,
        settings.slack_organizer_user_ids,
        client=client if settings.slack_workspace_admins else None,
    )
    secret = "" if settings.slack_socket_mode else settings.slack_signing_secret
    return SlackAdapter(dispatcher, client, session, roles, signing_secret=secret)


async def run_slack(
    dispatcher: Dispatcher,
    stop: asyncio.Event,
    *,
    host: str = "0.0.0.0",
    ready: Ready | None = None,
) -> None:
    """Serve Slack until `stop` is set. `ready(port)` is called once requests are taken
    (the HTTP port, or 0 in Socket Mode)."""
    settings = dispatcher.deps.settings
    async with aiohttp.ClientSession() as session:
        adapter = build_adapter(dispatcher, settings, session)
        monitor = dispatcher.monitor
        if monitor is not None:
            monitor.set_state("slack", "starting")
        await check_token(adapter.client, settings.slack_api_url)
        messenger = SlackMessenger(adapter.delivery)
        dispatcher.deps.messengers.register(messenger)
        dispatcher.deps.messengers.register_editor(messenger)  # campaign cards' counts
        with long_lived_heap_frozen():  # bot/platforms/web/heap.py says why
            if settings.slack_socket_mode:
                await serve_socket_mode(adapter, settings.slack_app_token, stop, ready)
            else:
                guard = Guard(settings.slack_signing_secret)
                shared = settings.slack_workers > 1  # one of SLACK_WORKERS on one port
                await serve_http(adapter, guard, host, settings.slack_port, stop, ready, shared)
        if monitor is not None:
            monitor.set_state("slack", "stopping")
        log.info("slack stopped taking requests; finishing %d in flight", adapter.in_flight)
        await adapter.drain()
    log.info("slack stopped")


async def check_token(client: AsyncWebClient, api_url: str) -> None:
    """Fail fast, in one line, when Slack refuses the bot token or cannot be reached: a bot
    that started listening anyway would answer every command with bolt's installation
    warning or a 500 (HTTP mode), or retry forever (Socket Mode)."""
    try:
        await client.auth_test()
    except SlackApiError as exc:
        error = exc.response.get("error", "refused") if exc.response is not None else "refused"
        raise PlatformStartError(f"slack: Slack refused SLACK_BOT_TOKEN ({error})") from None
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        raise PlatformStartError(
            f"slack: cannot reach Slack's API at {api_url} ({type(exc).__name__})"
        ) from None


def web_app(adapter: SlackAdapter, guard: Guard, limiter: ConnectionLimiter) -> web.Application:
    async def slack_events(request: web.Request) -> web.Response:
        try:
            bolt_request = await guard.bolt_request(request)
        except Refusal as refusal:
            return guard.refuse(refusal)
        bolt_response = await adapter.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    application = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[limiter.middleware])
    monitor, deps = adapter.dispatcher.monitor, adapter.dispatcher.deps
    if monitor is not None and deps.settings.health_token:  # public port: behind the token
        add_health_routes(application, deps, monitor)
    application.router.add_post(EVENTS_PATH, slack_events)
    return application


async def serve_http(
    adapter: SlackAdapter,
    guard: Guard,
    host: str,
    port: int,
    stop: asyncio.Event,
    ready: Ready | None,
    reuse_port: bool = False,
) -> None:
    limiter = ConnectionLimiter()
    runner = web.AppRunner(
        web_app(adapter, guard, limiter),
        access_log=None,
        shutdown_timeout=HTTP_SHUTDOWN_SECONDS,
    )
    await runner.setup()
    site = GuardedSite(runner, limiter, host, port, reuse_port=reuse_port)
    restore_handler = quiet_descriptor_errors(limiter.flood)
    try:
        await site.start()
        bound = site.bound_port
        log.info("slack HTTP mode listening on port %d at %s", bound, EVENTS_PATH)
        if adapter.dispatcher.monitor is not None:
            adapter.dispatcher.monitor.set_state("slack", "serving")
        if ready is not None:
            ready(bound)
        await stop.wait()
    finally:
        site.stop()  # the listening socket closes first,
        await runner.cleanup()  # then the requests already accepted are finished
        restore_handler()


async def serve_socket_mode(
    adapter: SlackAdapter, app_token: str, stop: asyncio.Event, ready: Ready | None
) -> None:
    handler = AsyncSocketModeHandler(adapter.app, app_token, web_client=adapter.client)
    try:
        await handler.connect_async()  # type: ignore[no-untyped-call]
        log.info("slack Socket Mode connected")
        if adapter.dispatcher.monitor is not None:
            adapter.dispatcher.monitor.set_state("slack", "connected")
        if ready is not None:
            ready(0)
        await stop.wait()
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]

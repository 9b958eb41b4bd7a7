"""The slack-bolt AsyncApp, generated from the registry.

A slash command runs at once, in the listener, until it first has to wait: one that
answers from memory (most do) is carried in the acknowledgement itself. One that
waits goes on in a tracked task, and if it is not done within a second we acknowledge
empty and answer on the response_url; so Slack hears back well within its 3 s, and a
graceful stop can wait for whatever is still running. The app runs with
`process_before_response=True`: our listeners return as soon as they have acknowledged,
so bolt answers at once instead of polling for the ack every 10 ms.

A delivery seen before by this process is dropped at once (memory only: no database trip
for a look-up). Its key travels with the command (`Identity.replay_key`): a command that
writes records it with its first write, so a delivery to another worker, or after a
restart, takes effect once (storage/replay.py).
"""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import json
import logging
import re
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.core import tracebacks
from bot.core.dispatch import Dispatcher, Identity
from bot.core.incidents import incident_reply
from bot.core.models import Reply
from bot.core.registry import AutocompleteContext
from bot.core.replay_scope import is_replay
from bot.platforms.slack import eager
from bot.platforms.slack.buttons import ButtonPresses
from bot.platforms.slack.dedupe import SeenRequests
from bot.platforms.slack.delivery import Delivery, ReplyTarget, wants_ids
from bot.platforms.slack.identity import PLATFORM, Body, build_identity, team_id
from bot.platforms.slack.locales import LocaleResolver
from bot.platforms.slack.manifest import slash_commands
from bot.platforms.slack.modals import (
    CALLBACK_PREFIX,
    choice_option,
    command_for_view,
    field_errors,
    modal_command,
    modal_view,
    submitted_options,
    view_channel,
)
from bot.platforms.slack.render import BUTTON_ACTION_PREFIX, render_reply, unescape
from bot.platforms.slack.roles import RoleResolver

log = logging.getLogger("counterwatch.slack")

# How long a modal submission may take before we close the modal and answer later;
# inside it, a validation error goes back into the modal, next to the field.
VIEW_ANSWER_SECONDS = 2.0
# How long a slash command may run before we acknowledge empty and answer on response_url.
INLINE_REPLY_SECONDS = 1.0
Ack = Callable[..., Awaitable[Any]]


def bolt_logger() -> logging.Logger:
    """The base logger handed to bolt: its level propagates to every logger bolt creates.

    Without it bolt copies the ROOT level into its own loggers, so at INFO it would log
    the body of every request whose signature fails; message contents stay out of logs.
    """
    logger = logging.getLogger("slack_bolt.counterwatch")
    logger.setLevel(max(logging.WARNING, logging.getLogger().getEffectiveLevel()))
    return logger


class SlackAdapter:
    def __init__(
        self,
        dispatcher: Dispatcher,
        client: AsyncWebClient,
        session: aiohttp.ClientSession,
        roles: RoleResolver,
        signing_secret: str = "",
        locales: LocaleResolver | None = None,
    ) -> None:
        self.dispatcher = dispatcher
        self.client = client
        self.roles = roles
        # Each member's Slack language (users.info), unless a test or caller passes its own.
        self.locales = locales if locales is not None else LocaleResolver(client)
        self.delivery = Delivery(client, session)
        self.seen = SeenRequests()
        self._tasks: set[asyncio.Task[Any]] = set()
        self.app = AsyncApp(
            client=client,
            signing_secret=signing_secret,
            request_verification_enabled=bool(signing_secret),
            process_before_response=True,
            logger=bolt_logger(),
            name="counterwatch",
        )
        self._slash = slash_commands(dispatcher.registry)
        # ONE listener for every slash command: bolt tries listeners in turn, and each try
        # builds its keyword arguments (~15 us), so one per command cost a /ring several.
        names = "|".join(re.escape(name) for name in self._slash)
        self.app.command(re.compile(f"^(?:{names})$"))(self._on_slash_command)
        self.app.view_submission(re.compile("^" + re.escape(CALLBACK_PREFIX)))(
            self._on_view_submission
        )
        self.app.block_suggestion(re.compile(".*"))(self._on_block_suggestion)
        # A card's buttons (`block_actions`): the action line, run for whoever clicked.
        presses = ButtonPresses(
            dispatcher, self.delivery, session, self.seen, self._identity, self.spawn
        )
        self.app.action(re.compile("^" + re.escape(BUTTON_ACTION_PREFIX)))(presses.on_action)

    # -- task tracking -------------------------------------------------------------

    def spawn(
        self, work: Coroutine[Any, Any, Any], context: contextvars.Context | None = None
    ) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(work, context=context)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def drain(self) -> None:
        """Wait for every command still running (graceful stop)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    # -- slash commands ------------------------------------------------------------

    async def _on_slash_command(self, ack: Ack, body: Body) -> None:
        # Every delivery of one invocation carries the same trigger_id / response_url.
        key = "slash:" + str(body.get("trigger_id") or body.get("response_url") or "")
        if not self.seen.first_time(key):
            log.info("duplicate delivery of %s ignored", body.get("command"))
            await ack()
            return
        target = ReplyTarget(
            user_id=str(body.get("user_id", "")),
            channel=str(body.get("channel_id", "")),
            response_url=str(body.get("response_url", "")),
        )
        name = self._slash.get(str(body.get("command", "")).lower(), "")
        text = unescape(str(body.get("text", "")))
        # A reply ready within the budget travels in the acknowledgement itself (Slack
        # shows it as the command's response); a slower one, or one with files, follows
        # on the response_url. Either way Slack hears back well within its 3 s.
        # The command runs right here until it first waits: most answer from memory and
        # finish without ever needing a task or a timer.
        started = eager.start(self._slash_reply(body, target, name, text, key))
        if started.finished:
            reply = started.result
        else:
            assert started.rest is not None
            running = self.spawn(started.rest, started.context)
            done, _ = await asyncio.wait({running}, timeout=INLINE_REPLY_SECONDS)
            if running not in done:
                await ack()
                self.spawn(self._deliver_when_done(running, target, name))
                return
            reply = running.result()
        if reply is None or is_replay(reply):  # a modal opened instead; or a replay
            await ack()
            return
        message = render_reply(reply)
        # Files, and a card (posted by the app, whose answer names the message), go out
        # after an empty ack; anything else travels in the ack itself.
        if not (message.files or wants_ids(reply)):
            await ack(**message.payload())
            return
        await ack()
        self.spawn(self._deliver_when_done(_ready(reply), target, name))

    async def _slash_reply(
        self, body: Body, target: ReplyTarget, name: str, text: str, key: str
    ) -> Reply | None:
        """The command's reply, or None when a modal opened instead; never raises."""
        try:
            identity = await self._identity(body, target.channel, key)
            command = modal_command(self.dispatcher.registry, name, text, identity)
            if command is not None:
                trigger_id = str(body.get("trigger_id", ""))
                await self.client.views_open(
                    trigger_id=trigger_id, view=modal_view(command, target.channel)
                )
                return None
            # Which command ran, never who ran it: the log must not become an activity trail.
            log.debug("slack /%s", name)
            return await self.dispatcher.run_text(identity, f"/{name} {text}")
        except Exception as exc:
            return _incident(name, exc)

    # -- modals ----------------------------------------------------------------------

    async def _on_view_submission(self, ack: Ack, body: Body) -> None:
        view: dict[str, Any] = body.get("view") or {}
        command = command_for_view(self.dispatcher.registry, view)
        if command is None:
            await ack()
            return
        values = json.dumps((view.get("state") or {}).get("values") or {}, sort_keys=True)
        key = f"view:{view.get('id')}:{hashlib.sha256(values.encode()).hexdigest()}"
        if not self.seen.first_time(key):
            await ack()
            return
        user = body.get("user") or {}
        target = ReplyTarget(user_id=str(user.get("id", "")), channel=view_channel(view))
        identity = await self._identity(body, target.channel, key)
        log.debug("slack modal /%s", command.name)
        running = self.spawn(
            self.dispatcher.run_options(identity, command, submitted_options(command, view))
        )
        done, _ = await asyncio.wait({running}, timeout=VIEW_ANSWER_SECONDS)
        if running in done and running.result().error and not is_replay(running.result()):
            self.seen.forget(key)  # the same values may be submitted again after a fix
            reply: Reply = running.result()
            await ack(response_action="errors", errors=field_errors(command, reply.text))
            return
        await ack()
        self.spawn(self._deliver_when_done(running, target, command.name))

    async def _deliver_when_done(
        self, running: Awaitable[Reply | None], target: ReplyTarget, name: str
    ) -> None:
        async def deliver() -> None:
            reply = await running
            if reply is not None and not is_replay(reply):
                await self.delivery.send(target, reply)

        await self._guarded(target, name, deliver())

    async def _on_block_suggestion(self, ack: Ack, body: Body) -> None:
        command = command_for_view(self.dispatcher.registry, body.get("view") or {})
        option = command.option(str(body.get("action_id", ""))) if command else None
        if option is None or option.autocomplete is None:
            await ack(options=[])
            return
        context = AutocompleteContext(
            platform=PLATFORM,
            workspace=team_id(body),
            user_id=str((body.get("user") or {}).get("id", "")),
        )
        typed = str(body.get("value", ""))
        choices = await self.dispatcher.autocomplete(option.autocomplete, context, typed)
        await ack(options=[choice_option(c.label, c.value) for c in choices])

    # -- shared ----------------------------------------------------------------------

    async def _identity(self, body: Body, channel: str, replay_key: str = "") -> Identity:
        settings = self.dispatcher.deps.settings
        return await build_identity(self.roles, settings, body, channel, replay_key, self.locales)

    async def _guarded(
        self, target: ReplyTarget, name: str, work: Coroutine[Any, Any, None]
    ) -> None:
        """Run adapter work; a failure of ours reaches the user as a clear private message."""
        try:
            await work
        except Exception as exc:
            failure = _incident(name, exc)
            try:
                await self.delivery.send(target, failure)
            except Exception as report_exc:
                log.error(
                    "could not report a failure of /%s to the user: %s",
                    name,
                    tracebacks.describe(report_exc),
                )


async def _ready(reply: Reply | None) -> Reply | None:
    return reply


def _incident(name: str, exc: BaseException) -> Reply:
    return incident_reply(f"slack /{name}", exc)

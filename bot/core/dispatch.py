"""Request -> role check -> command -> Reply, with one error path.

UserError becomes a private reply the user can act on. Anything else is an
incident (bot/core/incidents.py): logged with an id, and the user sees a fixed sentence
carrying that id. Refusals are recorded by bot/core/refusals.py; a handler runs in its
replay scope by bot/core/replay_scope.py.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from bot.core import tracebacks
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.grammar import assign_arguments, resolve_command, tokenize
from bot.core.health import Monitor
from bot.core.incidents import incident_reply, is_incident
from bot.core.language import asked_language, request_locale
from bot.core.models import Attachment, Reply, Request, Role, may_run
from bot.core.options import coerce_options
from bot.core.pacing import BUSY, SLOW_DOWN, Pacing, is_paced
from bot.core.refusals import RefusalListener, record_refusal, refusal_reply
from bot.core.registry import MAX_CHOICES, AutocompleteContext, Choice, Command, Registry
from bot.core.replay_scope import run_handler
from lexicon.i18n import _, current, using
from lexicon.stored import is_stored, say
from storage.errors import Refused

log = logging.getLogger("counterwatch.dispatch")

_NO_OPTIONS: Mapping[str, object] = MappingProxyType({})


@dataclass(frozen=True)
class Identity:
    """Who is typing, as the platform adapter established it."""

    platform: str
    workspace: str
    user_id: str
    user_name: str
    role: Role
    channel: str = ""
    replay_key: str = ""  # see Request.replay_key; "" where the platform never redelivers
    # May change the shared facts (the operator's home decides, see bot.core.models.may_run).
    facts_admin: bool = False
    # What the platform says of the person's language, as it says it ('es-419', 'es-LA',
    # 'es_MX.UTF-8'); "" when it says nothing. Their own /language choice comes first.
    locale: str = ""
    # What the platform says of the workspace's language (Discord's guild_locale); "" when it
    # says nothing (Slack, the console). A default its admins stored comes first.
    workspace_locale: str = ""


class Dispatcher:
    def __init__(
        self,
        registry: Registry,
        deps: Deps,
        on_refusal: RefusalListener | None = None,
        pacing: Pacing | None = None,
        monitor: Monitor | None = None,
    ) -> None:
        self.registry = registry
        self.deps = deps
        self._on_refusal = on_refusal
        # None: unpaced (tests, benchmarks); main.py passes one for the running bot.
        self.pacing = pacing
        self.monitor = monitor  # commands served, errors, latency (/metrics)

    def build_request(
        self,
        identity: Identity,
        command: Command,
        raw_options: dict[str, object],
        attachments: tuple[Attachment, ...] = (),
    ) -> Request:
        """Validate options (raises UserError) and freeze them into a Request."""
        options = coerce_options(command, raw_options, attachments)
        return _request(identity, command, MappingProxyType(options), attachments)

    async def run_text(
        self, identity: Identity, line: str, attachments: tuple[Attachment, ...] = ()
    ) -> Reply:
        """Parse a whole `/group sub args` line and run it (console, tests, Slack)."""
        started = time.perf_counter()
        with using(await self._locale(identity)):
            reply = await self._run_text(identity, line, attachments)
        self._observe(identity, started, reply)
        return reply

    async def _run_text(
        self, identity: Identity, line: str, attachments: tuple[Attachment, ...]
    ) -> Reply:
        too_fast = self._too_fast(identity)
        if too_fast is not None:
            return too_fast
        try:
            command, args = resolve_command(self.registry, tokenize(line.strip()))
        except UserError as exc:
            return Reply(text=exc.message, private=True, error=True)
        # The role comes before the arguments: someone not allowed to run a command is told
        # so (and the attempt recorded) whatever they typed after it.
        refusal = await self._refusal(identity, command)
        if refusal is not None:
            return refusal
        try:
            raw_options: dict[str, object] = dict(assign_arguments(command, args))
            request = self.build_request(identity, command, raw_options, attachments)
        except UserError as exc:
            return Reply(text=exc.message, private=True, error=True)
        return await self.dispatch(request)

    async def run_options(
        self,
        identity: Identity,
        command: Command,
        raw_options: dict[str, object],
        attachments: tuple[Attachment, ...] = (),
    ) -> Reply:
        """Run a command whose options arrived already split (Discord, Slack modals)."""
        started = time.perf_counter()
        with using(await self._locale(identity)):
            reply = await self._run_options(identity, command, raw_options, attachments)
        self._observe(identity, started, reply)
        return reply

    async def _run_options(
        self,
        identity: Identity,
        command: Command,
        raw_options: dict[str, object],
        attachments: tuple[Attachment, ...],
    ) -> Reply:
        too_fast = self._too_fast(identity)
        if too_fast is not None:
            return too_fast
        refusal = await self._refusal(identity, command)
        if refusal is not None:
            return refusal
        try:
            request = self.build_request(identity, command, raw_options, attachments)
        except UserError as exc:
            return Reply(text=exc.message, private=True, error=True)
        return await self.dispatch(request)

    async def dispatch(self, request: Request) -> Reply:
        """Run a built request, in its locale (the one it was built in, when it has one)."""
        with using(asked_language(request.options, request.locale or current())):
            return await self._dispatch(request)

    async def _dispatch(self, request: Request) -> Reply:
        command = self.registry.get(request.path)
        if command is None:
            text = _("Unknown command /{name}.").format(name=" ".join(request.path))
            return Reply(text=text, private=True, error=True)
        if not may_run(command.role, request.role, request.facts_admin):
            await record_refusal(self._on_refusal, request, command)
            return refusal_reply(command)
        if command.slow and self.pacing is not None:
            with self.pacing.slow_slot(request.platform, request.workspace) as allowed:
                if not allowed:
                    return Reply(text=_(BUSY), private=True, error=True)
                return await self._run(command, request)
        return await self._run(command, request)

    async def _run(self, command: Command, request: Request) -> Reply:
        try:
            reply = await run_handler(command, request, self.deps)
        except UserError as exc:  # a bad argument, in the language the command was asked in
            return Reply(text=exc.in_language(current()), private=True, error=True)
        except Refused as exc:  # a change storage refused (its fixed sentences are N_ keys)
            # Built with values in a write job (another task: no locale there), it is kept
            # as structure and said here (lexicon/stored.py).
            said = say(exc.message) if is_stored(exc.message) else _(exc.message)
            return Reply(text=said, private=True, error=True)
        except Exception as exc:
            return self._incident(command, exc)
        return replace(reply, private=True) if command.private else reply

    async def autocomplete(
        self, source_name: str, context: AutocompleteContext, typed: str
    ) -> list[Choice]:
        """Suggestions for a partly typed value; failures suggest nothing rather than break."""
        source = self.registry.autocomplete_sources.get(source_name)
        if source is None:
            return []
        if self.pacing is not None and not self.pacing.suggestion_allowed(
            context.platform, context.workspace, context.user_id
        ):
            return []  # over the pace: no suggestions, the typed value still submits
        try:
            choices = await source(self.deps, context, typed[:100])
        except Exception as exc:
            log.error("autocomplete source %s failed: %s", source_name, tracebacks.describe(exc))
            return []
        return choices[:MAX_CHOICES]

    def _observe(self, identity: Identity, started: float, reply: Reply) -> None:
        if self.monitor is None:
            return
        if not reply.error:
            outcome = "ok"
        elif is_incident(reply):
            outcome = "incident"
        elif is_paced(reply.text):
            outcome = "paced"
        else:
            outcome = "user_error"
        self.monitor.observe(identity.platform, started, outcome)

    def _too_fast(self, identity: Identity) -> Reply | None:
        """The one-line "slow down" reply when this person is over their pace.

        The console is the operator at the machine (a piped script is legitimate), not paced.
        """
        if self.pacing is None or identity.platform == "console":
            return None
        if self.pacing.command_allowed(identity.platform, identity.workspace, identity.user_id):
            return None
        return Reply(text=_(SLOW_DOWN), private=True, error=True)

    async def _refusal(self, identity: Identity, command: Command) -> Reply | None:
        """A refusal reply (recorded) when the identity's role is below the command's."""
        if may_run(command.role, identity.role, identity.facts_admin):
            return None
        # Option values are not kept: the record says who tried what, not what they typed.
        await record_refusal(self._on_refusal, _request(identity, command), command)
        return refusal_reply(command)

    async def _locale(self, identity: Identity) -> str:
        return await request_locale(self.deps, identity.platform, identity.user_id, identity.locale)

    def _incident(self, command: Command, exc: Exception) -> Reply:
        return incident_reply(f"/{command.name}", exc)


def _request(
    identity: Identity,
    command: Command,
    options: Mapping[str, object] = _NO_OPTIONS,
    attachments: tuple[Attachment, ...] = (),
) -> Request:
    return Request(
        platform=identity.platform,
        workspace=identity.workspace,
        user_id=identity.user_id,
        user_name=identity.user_name,
        role=identity.role,
        path=command.path,
        options=options,
        attachments=attachments,
        channel=identity.channel,
        replay_key=identity.replay_key,
        facts_admin=identity.facts_admin,
        locale=current(),  # resolved by run_text/run_options for this identity
        platform_locale=identity.locale,
        workspace_locale=identity.workspace_locale,
    )

"""Refused attempts (a command run without the role for it) are recorded, numbered R1, R2."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.models import Request
from bot.core.refusals import RefusalListener
from bot.core.registry import Command
from commands.admin.authoring import author_of


def refusal_recorder(deps: Deps) -> RefusalListener:
    """The listener to pass as `Dispatcher(on_refusal=...)`."""

    async def record(request: Request, command: Command) -> None:
        # Option values are user text: only who ran which command is recorded.
        await deps.storage.audit.record_refusal(author_of(request), deps.clock(), command.name)

    return record

"""Refused attempts (a member running an admin command) go into the audit log."""

from __future__ import annotations

from bot.deps import Deps
from bot.dispatch import RefusalListener
from bot.models import Request
from bot.registry import Command
from commands.admin.authoring import author_of


def refusal_recorder(deps: Deps) -> RefusalListener:
    """The listener to pass as `Dispatcher(on_refusal=...)`."""

    async def record(request: Request, command: Command) -> None:
        # Option values are user text: only the command and the role are recorded.
        summary = f"refused: {request.role.name.lower()} ran /{command.name}"
        await deps.storage.audit.record_refusal(
            author_of(request), deps.clock(), command.name, summary
        )

    return record

"""Someone ran a command above their role: the reply they get, and the record of the attempt."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.core import tracebacks
from bot.core.models import Reply, Request, Role
from bot.core.registry import Command
from lexicon.i18n import N_, _

log = logging.getLogger("counterwatch.dispatch")

# Called when someone runs a command above their role (the admin audit log listens).
RefusalListener = Callable[[Request, Command], Awaitable[None]]

# Said to anyone else who tries a command that changes the facts every workspace shares.
FACTS_ADMINS_ONLY = N_(
    "/{name} changes the facts every server and workspace shares: only the operator's facts"
    " admins can (admins of the operator's home server or workspace, or people the operator"
    " names)."
)
# Each rank's refusal whole (a translator needs the sentence, not a plural pasted in).
ONLY_FOR = {
    Role.ORGANIZER: N_("/{name} is for organizers only."),
    Role.ADMIN: N_("/{name} is for admins only."),
}


def refusal_reply(command: Command) -> Reply:
    said = FACTS_ADMINS_ONLY if command.role is Role.FACTS_ADMIN else ONLY_FOR[command.role]
    return Reply(text=_(said).format(name=command.name), private=True, error=True)


async def record_refusal(
    listener: RefusalListener | None, request: Request, command: Command
) -> None:
    """Tell the listener; a failure to record is logged and never changes the refusal."""
    if listener is None:
        return
    try:
        await listener(request, command)
    except Exception as exc:
        log.error("recording a refusal for /%s failed: %s", command.name, tracebacks.describe(exc))

"""Admins keep the facts true from chat: edit, import, audit, undo.

Each module declares its commands beside their handlers; COMMAND_SETS is the order /help
lists them in.
"""

from __future__ import annotations

from bot.core.registry import CommandSet
from commands.admin import (
    bodies,
    facts_edits,
    history,
    imports,
    law_status,
    partnerships,
    removal,
    spanish,
)

COMMAND_SETS: tuple[CommandSet, ...] = (
    partnerships.COMMANDS,  # set-partnership, end-partnership
    facts_edits.COMMANDS,  # add-event, add-law
    law_status.COMMANDS,  # set-law-status
    spanish.COMMANDS,  # set-spanish
    removal.COMMANDS,  # remove
    bodies.COMMANDS,  # set-body, add-official
    imports.COMMANDS,  # import
    history.COMMANDS,  # history, undo, outbox
)

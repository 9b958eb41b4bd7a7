"""Every feature's commands, gathered into one registry.

Each feature module declares its commands beside their handlers (bot.core.registry.CommandSet);
adding a feature is one line here. The order here is the order /help lists them in.
"""

from __future__ import annotations

from bot.core.registry import CommandSet, Registry
from commands import admin, campaigns, contact, follow, language, letters, privacy
from commands import help as help_command
from commands.facts import laws, local, moratorium, options, ring, ring_stats

# ring_stats declares /ring stats on ring.COMMANDS (after /ring lookup: /help's order).
assert ring_stats.COMMANDS is ring.COMMANDS

COMMAND_SETS: tuple[CommandSet, ...] = (
    moratorium.COMMANDS,
    ring.COMMANDS,
    local.COMMANDS,
    laws.COMMANDS,
    contact.COMMANDS,
    letters.COMMANDS,
    campaigns.COMMANDS,
    privacy.COMMANDS,
    language.COMMANDS,
    *admin.COMMAND_SETS,
    follow.COMMANDS,
)


def build_registry() -> Registry:
    registry = Registry()
    registry.include_sources(options.SOURCES)  # "place" and "company", shared by features
    for command_set in COMMAND_SETS:
        registry.include(command_set)
    # Help comes last and is declared with the registry it describes.
    help_command.register(registry)
    registry.check()
    return registry

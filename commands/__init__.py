"""Every feature's commands, gathered into one registry.

Each feature module declares its commands beside their handlers (bot.registry.CommandSet,
or a `register(registry)` function for modules not yet converted); adding a feature is one
line here. The order here is the order /help lists them in.
"""

from __future__ import annotations

from bot.registry import Registry
from commands import admin as admin_commands
from commands import campaigns, follow, privacy
from commands import help as help_command
from commands import letters as letters_commands
from commands.facts import laws, local, moratorium, options, ring


def build_registry() -> Registry:
    registry = Registry()
    for fact_commands in (options, moratorium, ring, local, laws):
        registry.include(fact_commands.COMMANDS)
    letters_commands.register(registry)
    campaigns.register(registry)
    privacy.register(registry)
    admin_commands.register(registry)
    registry.include(follow.COMMANDS)
    # Help goes last so that it can describe everything registered before it.
    help_command.register(registry)
    return registry

"""Every feature's commands, gathered into one registry.

Each feature module exposes `register(registry)`; adding a feature is one line here.
"""

from __future__ import annotations

from bot.registry import Registry
from commands import admin as admin_commands
from commands import campaigns, fact_options, laws, local, moratorium, privacy, ring
from commands import help as help_command
from commands import letters as letters_commands


def build_registry() -> Registry:
    registry = Registry()
    fact_options.register_autocomplete(registry)
    moratorium.register(registry)
    ring.register(registry)
    local.register(registry)
    laws.register(registry)
    letters_commands.register(registry)
    campaigns.register(registry)
    privacy.register(registry)
    admin_commands.register(registry)
    # Help goes last so that it can describe everything registered before it.
    help_command.register(registry)
    return registry

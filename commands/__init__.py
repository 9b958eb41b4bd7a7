"""Every feature's commands, gathered into one registry.

Each feature module exposes `register(registry)`; adding a feature is one line here.
"""

from __future__ import annotations

from bot.registry import Registry
from commands import campaigns, privacy
from commands import help as help_command


def build_registry() -> Registry:
    registry = Registry()
    campaigns.register(registry)
    privacy.register(registry)
    # Help goes last so that it can describe everything registered before it.
    help_command.register(registry)
    return registry

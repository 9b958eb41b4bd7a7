"""/campaign: organizers count people; members join, leave and see where it stands.

Each handler module declares its commands into `COMMANDS` (commands/campaigns/checks.py)
when imported; they are imported here in the order help lists them: manage (create,
list, info), members (join, leave), report (stats, export, close).
"""

from __future__ import annotations

from bot.registry import Registry
from commands.campaigns import manage, members, report
from commands.campaigns.checks import COMMANDS

__all__ = ["COMMANDS", "manage", "members", "register", "report"]


def register(registry: Registry) -> None:
    """Transitional: build_registry calls this until it does `registry.include(COMMANDS)`."""
    registry.include(COMMANDS)

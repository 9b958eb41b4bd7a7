"""/campaign: organizers count people; members join, leave and see where it stands.

Each handler module declares its commands into `COMMANDS` (commands/campaigns/checks.py)
when imported; they are imported here in the order help lists them: manage (create,
list, info), members (join, leave), report (stats, export, close), petition, publish
(publish, unpublish), strike, updates (announce, mute, deliveries), updates_scheduled (remind,
reminders, unremind); cards (post) imports manage, so it comes right after it, and language
(the campaign's own language) after cards.
"""

from __future__ import annotations

from commands.campaigns import (
    cards,
    language,
    manage,
    members,
    petition,
    publish,
    report,
    strike,
    updates,
    updates_scheduled,
)
from commands.campaigns.checks import COMMANDS

__all__ = [
    "COMMANDS",
    "cards",
    "language",
    "manage",
    "members",
    "petition",
    "publish",
    "report",
    "strike",
    "updates",
    "updates_scheduled",
]

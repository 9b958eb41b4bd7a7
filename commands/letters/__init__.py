"""Letters and petitions: Jinja templates filled with local facts, in English and Spanish.

`/letter templates`, `/letter draft`, `/letter add` (organizers), `/letter remove` (admins),
declared in commands/letters/handlers.py. Campaigns use `template_exists` and
`petition_text`; `check_petition_kind` refuses a letter as a campaign's petition.
"""

from __future__ import annotations

from commands.letters.api import check_petition_kind, petition_text, template_exists
from commands.letters.handlers import COMMANDS

__all__ = ["COMMANDS", "check_petition_kind", "petition_text", "template_exists"]

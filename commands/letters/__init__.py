"""Letters and petitions: Jinja templates filled with local facts, in English and Spanish.

`/letter templates`, `/letter draft`, `/letter add` (organizers), `/letter remove` (admins),
declared in commands/letters/handlers.py. Campaigns use `template_exists` and
`petition_text`.
"""

from __future__ import annotations

from commands.letters.api import petition_text, template_exists
from commands.letters.handlers import COMMANDS

__all__ = ["COMMANDS", "petition_text", "template_exists"]

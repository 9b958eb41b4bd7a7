"""An incident: an unexpected failure, logged under an id the user is told.

Logged with its frames and exception types, never the message text nor the exception's
message (which may quote it); every platform answers with the same fixed sentence.
"""

from __future__ import annotations

import logging
import secrets

from bot.core import tracebacks
from bot.core.models import Reply
from lexicon.i18n import N_, _
from lexicon.i18n.everywhere import said_everywhere

# The dispatcher's logger: operators' alerts look for incidents under this name.
log = logging.getLogger("counterwatch.dispatch")

INCIDENT_MESSAGE = N_(
    "Something went wrong on our side. Nothing was changed. Incident id: {id}."
)  # said in the asker's language (a platform's own handler outside a request: English)


def new_incident_id() -> str:
    return secrets.token_hex(4)


def incident_reply(where: str, exc: BaseException) -> Reply:
    """Log an incident and return the reply that names it (every platform uses this one).

    The traceback's frames and exception types go to the log, never the exceptions'
    messages: `ValueError(f"... {text}")` or a UnicodeEncodeError would carry user text.
    """
    incident = new_incident_id()
    log.error("incident %s in %s: %s", incident, where, tracebacks.describe(exc))
    return Reply(text=_(INCIDENT_MESSAGE).format(id=incident), private=True, error=True)


def is_incident(reply: Reply) -> bool:
    """Whether the reply names an incident, in whichever language it was said."""
    if not reply.error:
        return False
    return any(
        reply.text.startswith(said.split("{", 1)[0]) for said in said_everywhere(INCIDENT_MESSAGE)
    )

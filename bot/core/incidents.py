"""An incident: an unexpected failure, logged under an id the user is told.

Logged with its frames and exception types, never the message text nor the exception's
message (which may quote it); every platform answers with the same fixed sentence.
"""

from __future__ import annotations

import logging
import secrets

from bot.core import tracebacks
from bot.core.models import Reply

# The dispatcher's logger: operators' alerts look for incidents under this name.
log = logging.getLogger("counterwatch.dispatch")

INCIDENT_MESSAGE = "Something went wrong on our side. Nothing was changed. Incident id: {id}."


def new_incident_id() -> str:
    return secrets.token_hex(4)


def incident_reply(where: str, exc: BaseException) -> Reply:
    """Log an incident and return the reply that names it (every platform uses this one).

    The traceback's frames and exception types go to the log, never the exceptions'
    messages: `ValueError(f"... {text}")` or a UnicodeEncodeError would carry user text.
    """
    incident = new_incident_id()
    log.error("incident %s in %s: %s", incident, where, tracebacks.describe(exc))
    return Reply(text=INCIDENT_MESSAGE.format(id=incident), private=True, error=True)


def is_incident(reply: Reply) -> bool:
    return reply.error and reply.text.startswith(INCIDENT_MESSAGE.split("{", 1)[0])

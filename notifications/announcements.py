"""A campaign announcement as each member receives it: who it is from, the organizers' text,
how to stop them; the frame in the member's language, the organizers' text as they wrote it.

The outbox holds one row per member with the message in English (what /campaign announce
and /campaign remind queue, and what the confirmation code is made of): a queued message
then never depends on who happened to confirm it, and rows queued before languages existed
read the same. The delivery loop (notifications/delivery.py) says the frame again in the
recipient's language by recognizing it: the title and text are single-spaced, single-line
text (commands/campaigns/checks.py `plain_text`), so the frame's line breaks and the slug
repeated at its end delimit them exactly. A text that is not such a frame is sent as stored.
"""

from __future__ import annotations

import re

from lexicon.i18n import DEFAULT, _, using

_FRAME = re.compile(
    r"From the organizers of (?P<title>[^\n]*) \((?P<slug>[a-z0-9][a-z0-9-]{1,39})\):\n"
    r"(?P<text>[^\n]*)\n\nYou get this because you joined (?P=slug)\."
    r" To stop these messages: /campaign mute (?P=slug)"
)


def member_message(title: str, slug: str, text: str) -> str:
    """The message in the current language."""
    return _(
        "From the organizers of {title} ({slug}):\n{text}\n\n"
        "You get this because you joined {slug}. To stop these messages:"
        " /campaign mute {slug}"
    ).format(title=title, slug=slug, text=text)


def stored_message(title: str, slug: str, text: str) -> str:
    """The message as the outbox keeps it: in English, whoever queues it."""
    with using(DEFAULT):
        return member_message(title, slug, text)


def in_current_language(stored: str) -> str:
    """A stored announcement with its frame in the current language; any other text as is."""
    found = _FRAME.fullmatch(stored)
    if found is None:
        return stored
    return member_message(found["title"], found["slug"], found["text"])

"""A fixed sentence as every language says it: for code that recognizes a reply by its
text after the request's language is gone (metrics telling a pacing line or an incident
from a member's error)."""

from __future__ import annotations

from functools import cache

from lexicon.i18n.current import using
from lexicon.i18n.locales import PSEUDO, SUPPORTED
from lexicon.i18n.translate import _


@cache
def said_everywhere(*messages: str) -> frozenset[str]:
    """`messages` (N_ constants) in every language the bot speaks, the pseudo-locale too."""
    found: set[str] = set()
    for locale in (*SUPPORTED, PSEUDO):
        with using(locale):
            found.update(_(message) for message in messages)
    return frozenset(found)

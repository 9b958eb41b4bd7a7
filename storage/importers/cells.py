"""What a CSV cell may hold, and how it is cleaned before it is compared or stored."""

from __future__ import annotations

import re

from lexicon.i18n import _

MAX_FIELD_CHARS = 5000  # the longest Atlas field is 741 characters
# C0 controls but tab/newline/CR (CSV cells may hold line breaks), DEL, C1 controls and bidi
# overrides: the same characters chat options refuse (bot/core/options.py), since an imported cell
# is shown in chat just like typed text and a bidi override can disguise it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def field_problem(name: str, value: str) -> str | None:
    """Why a field value is unacceptable (too long, control characters), or None."""
    if len(value) > MAX_FIELD_CHARS:
        return _("{name} is {n:,} characters long (the limit is {most:,})").format(
            name=name, n=len(value), most=MAX_FIELD_CHARS
        )
    if _CONTROL.search(value):
        return _("{name} contains control characters").format(name=name)
    return None


# Invisible format characters pasted in from web pages (zero-width space, left-to-right
# mark: 76 cells of the 2020 Atlas, one of them an agency name) would break name matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))


def clean(value: str) -> str:
    """Drop invisible characters; trim and fold whitespace runs (and newlines) to one space."""
    return " ".join(value.translate(_INVISIBLE).split())

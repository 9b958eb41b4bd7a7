"""Invisible characters in names and titles: a zero-width space makes two titles that look
the same different ("Stop Ring" and "Stop\u200bRing"), and a name with a joiner in it can
pass for someone else's. Typed names and titles containing one are refused.

Two joiners are spelling in some places, and allowed there: between two symbols a
zero-width joiner composes an emoji (woman + ZWJ + laptop), and between letters of scripts
without case (Persian, Devanagari: category Lo, or their combining marks) the zero-width
(non-)joiner decides how letters connect. Between Latin letters either only hides.
"""

from __future__ import annotations

import re
import unicodedata

_ZWNJ, _ZWJ = "\u200c", "\u200d"
# Zero-width space/non-joiner/joiner, word joiner, invisible operators, the BOM, the
# Mongolian vowel separator, the soft hyphen, the Hangul fillers (blank yet "letters").
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060-\u2064\ufeff\u180e\u00ad\u115f\u1160\u3164\uffa0]"
)
_EMOJI_SIDE = frozenset({"So", "Sk"})  # symbols, and skin-tone modifiers
_SCRIPT_SIDE = frozenset({"Lo", "Mn", "Mc"})  # letters without case, combining marks
_VARIATION_16 = "\ufe0f"  # "show as emoji", often right before the joiner


def has_invisible(text: str) -> bool:
    return any(not _spelling(text, found.start()) for found in _INVISIBLE.finditer(text))


def _spelling(text: str, at: int) -> bool:
    """Whether the joiner at `at` joins what it may join (see the module's note)."""
    joiner = text[at]
    if joiner not in (_ZWNJ, _ZWJ) or at == 0 or at + 1 >= len(text):
        return False
    before, after = text[at - 1], text[at + 1]
    if before == _VARIATION_16 and at > 1:
        before = text[at - 2]
    sides = (unicodedata.category(before), unicodedata.category(after))
    if joiner == _ZWJ and all(side in _EMOJI_SIDE for side in sides):
        return True
    return all(side in _SCRIPT_SIDE for side in sides)

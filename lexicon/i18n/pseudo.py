"""The pseudo-locale `qps`: the proof that a reply's every word went through the catalog.

Each catalog string comes out accented and bracketed ("⟦Ûñķñöŵñ çöɱɱåñð /{name}.⟧" with its
placeholders intact); a string the code wraps but `make catalogs` never extracted comes out
as ⟪MISSING: ...⟫. So in a reply rendered in `qps`, plain ASCII words outside the brackets
were never translated (tests/lexicon/i18n: `untranslated_words`).
"""

from __future__ import annotations

import gettext
import re

OPEN, CLOSE = "⟦", "⟧"
MISSING = "⟪MISSING: {}⟫"
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# str.format fields ({name}, {count:,}, {{ escapes }}) keep their letters: they are code.
_FIELD = re.compile(r"(\{\{|\}\}|\{[^{}]*\})")


def pseudo(text: str) -> str:
    parts = _FIELD.split(text)
    return (
        OPEN + "".join(p if _FIELD.fullmatch(p) else p.translate(_ACCENTS) for p in parts) + CLOSE
    )


class PseudoTranslations(gettext.NullTranslations):
    def __init__(self, known: frozenset[str]) -> None:
        super().__init__()
        self._known = known

    def gettext(self, message: str) -> str:
        return pseudo(message) if message in self._known else MISSING.format(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)

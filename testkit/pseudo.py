"""Reading a reply rendered in the pseudo-locale `qps` (lexicon/i18n/pseudo.py): what of it
did not come out of the catalog."""

from __future__ import annotations

import re
from collections.abc import Collection

from lexicon.i18n.pseudo import CLOSE, OPEN

MISSING = "⟪MISSING:"
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def outside_catalog(text: str) -> str:
    """The characters of `text` that no catalog string produced: everything outside the
    ⟦...⟧ brackets (a value filled into a catalog string is inside its brackets)."""
    depth, kept = 0, []
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def untranslated_words(text: str, allowed: Collection[str] = ()) -> list[str]:
    """Plain Latin words that no catalog string produced, less the `allowed` ones (command
    and option names, the data a test put there)."""
    return [w for w in _LATIN_WORD.findall(outside_catalog(text)) if w not in allowed]

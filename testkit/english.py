"""Is this English? A function-word detector for tests of replies in other languages.

Content words prove nothing (a Spanish reply names "Greenfield Police Department", a source
"Reuters"); the short words that glue a sentence together do. A sentence is English when it
holds at least two English function words and more of them than Spanish ones, so a proper
name carrying one "of" passes and a sentence left in English does not.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = _words(
    "the of and to is are was were for with that this it be by at from or an not has have"
    " been will would can only each which who what when there these those your you they"
    " their its into than about after before since does do did on in any more here how if"
    " we our type nothing none yet still"
)
SPANISH = _words(
    "el la los las de del que y en un una es son por para con su sus al lo se no más como"
    " pero este esta estos estas hay ya le les o u sin sobre desde hasta entre usted ni"
    " fue ha han tiene nada ningún ninguna aún todavía cada cuando"
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n+")
# A link is data in any language (its words are the site's): not read as a sentence.
_LINK = re.compile(r"https?://\S+")


def function_words(text: str) -> tuple[list[str], list[str]]:
    """The English and the Spanish function words in `text`, in order."""
    words = [w.lower() for w in _WORD.findall(text)]
    return [w for w in words if w in ENGLISH], [w for w in words if w in SPANISH]


def is_english(sentence: str) -> bool:
    english, spanish = function_words(sentence)
    return len(english) >= 2 and len(english) > len(spanish)


def english_sentences(text: str) -> list[str]:
    """Every sentence (or line) of `text` that reads as English."""
    return [s for s in _SENTENCE.split(_LINK.sub("", text)) if s.strip() and is_english(s)]

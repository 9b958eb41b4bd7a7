"""How place names compare: one normalisation for every reader and writer of places."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Spellings people use for the same word; applied word by word after lower-casing.
_WORD_FORMS = {
    "saint": "st",
    "ste": "st",
    "mount": "mt",
    "fort": "ft",
    "dept": "department",
    "twp": "township",
}
_NOT_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: 'St. Louis' -> 'st louis'."""
    plain = text.casefold()
    if not plain.isascii():  # the slow path only for accents and curly quotes
        decomposed = unicodedata.normalize("NFKD", plain.replace("\u2019", ""))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NOT_WORD.sub(" ", plain.replace("'", "")).split()
    if _WORD_FORMS.keys().isdisjoint(words):
        return " ".join(words)
    return " ".join([_WORD_FORMS.get(w, w) for w in words])


_NOT_A_COUNTY = {"", "n a", "na", "none", "unknown"}


def split_counties(text: str) -> list[str]:
    """'Ogle County, Winnebago County' -> both; drops placeholders such as '#N/A'."""
    parts = (" ".join(p.replace("\u200e", "").split()) for p in text.split(","))
    return [p for p in parts if normalize(p) not in _NOT_A_COUNTY]


_STRAY_CAPITALS = re.compile(r"^([A-Z])([A-Z]+)(?=[a-z])")  # 'HIll': a shift key held too long
_MC = re.compile(r"^Mc([a-z])")


def tidy_case(label: str) -> str:
    """A place label's letter case as usually written: an all-caps label ('OVIEDO') is
    title-cased, a stray capital ('Morgan HIll') dropped, and 'Mc' names keep their second
    capital ('Mcfarland' -> 'McFarland'). Mixed case that may be meant ('LaPlata',
    'DeFuniak') is left alone."""
    letters = [c for c in label if c.isalpha()]
    shouting = len(letters) > 3 and all(c.isupper() for c in letters)
    words = []
    for word in label.split():
        if shouting:
            word = word.capitalize()
        word = _STRAY_CAPITALS.sub(lambda m: m[1] + m[2].lower(), word)
        words.append(_MC.sub(lambda m: "Mc" + m[1].upper(), word))
    return " ".join(words)

"""How place names are compared: normalisation, US state names, and what was typed.

Kept apart from the index so the rules are testable on their own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}  # fmt: skip

# Spellings people use for the same word; applied word by word after lower-casing.
_WORD_FORMS = {
    "saint": "st",
    "ste": "st",
    "mount": "mt",
    "fort": "ft",
    "dept": "department",
    "twp": "township",
}
# Words too common in agency names to tell places apart (used only to narrow candidates).
STOPWORDS = frozenset({
    "police", "department", "county", "sheriff", "sheriffs", "office", "city", "of", "the",
    "town", "township", "village", "public", "safety", "state", "patrol", "borough", "parish",
})  # fmt: skip
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


_STATE_BY_KEY = {normalize(name): code for code, name in STATES.items()}
_STATE_BY_KEY["virgin islands"] = "VI"
_STATE_KEYS = list(_STATE_BY_KEY)
STATE_TYPO = 85.0  # 'wisconson' scores 89 against 'wisconsin'


def state_code(text: str, extra_codes: frozenset[str] = frozenset()) -> str | None:
    """'WI', 'wi', 'Wisconsin' -> 'WI'; anything else -> None.

    `extra_codes` admits odd two-letter codes found in the data ('NA' in the Atlas).
    """
    key = normalize(text)
    if len(key) == 2 and (key.upper() in STATES or key.upper() in extra_codes):
        return key.upper()
    return _STATE_BY_KEY.get(key)


def state_code_typo(text: str) -> str | None:
    """A misspelt state name ('Wisconson') -> 'WI'. Names only: codes are too short to guess."""
    key = normalize(text)
    if len(key) < 5:
        return None
    found = process.extractOne(key, _STATE_KEYS, scorer=fuzz.ratio, score_cutoff=STATE_TYPO)
    return None if found is None else _STATE_BY_KEY[found[0]]


@dataclass(frozen=True)
class Reading:
    """One way to read what was typed: a name, and the state if one was given."""

    name: str  # normalised
    state: str | None
    corrected: bool = False  # the state was a misspelt name, taken as the closest


def readings(text: str, extra_codes: frozenset[str] = frozenset()) -> list[Reading]:
    """The plausible readings of 'City, ST', 'City ST', 'City, Statename' or a bare name.

    Readings with a state come first: 'Miami OK' means Miami in Oklahoma.
    """
    if "," in text:
        left, right = text.rsplit(",", 1)
        code = state_code(right, extra_codes)
        guess = None if code else state_code_typo(right)
        if (code or guess) and normalize(left):
            return [Reading(normalize(left), code or guess, corrected=guess is not None)]
        return [Reading(normalize(text), None)]
    words = normalize(text).split()
    found: list[Reading] = []
    for size in (3, 2, 1):  # 'district of columbia', 'new york', 'wi'
        if len(words) > size:
            code = state_code(" ".join(words[-size:]), extra_codes)
            if code:
                found.append(Reading(" ".join(words[:-size]), code))
    if not found and len(words) > 1:
        code = state_code_typo(words[-1])  # 'Greenfield Wisconson'
        if code:
            found.append(Reading(" ".join(words[:-1]), code, corrected=True))
    found.append(Reading(" ".join(words), None))
    return found


def core_words(key: str) -> list[str]:
    """The distinctive words of a normalised name ('greenfield' for its police department)."""
    words = key.split()
    core = [w for w in words if w not in STOPWORDS]
    return core or words


def trigrams(key: str) -> set[str]:
    """Padded character trigrams of the distinctive words; typos leave most of them intact."""
    grams: set[str] = set()
    for word in core_words(key):
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams

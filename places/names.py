"""What was typed: the readings of a place ("City, ST", "City ST", a bare name) and the
character trigrams that narrow a typo to a few candidates. Kept apart from the index so the
rules are testable on their own."""

from __future__ import annotations

from dataclasses import dataclass

from lexicon.names import normalize
from lexicon.states import state_code, state_code_typo

# Words too common in agency names to tell places apart (used only to narrow candidates).
STOPWORDS = frozenset({
    "police", "department", "county", "sheriff", "sheriffs", "office", "city", "of", "the",
    "town", "township", "village", "public", "safety", "state", "patrol", "borough", "parish",
})  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """One way to read what was typed: a name, and the state if one was given."""

    name: str  # normalised
    state: str | None
    corrected: bool = False  # the state was a misspelt name, taken as the closest
    # 'Paris, France': after the comma, no US state. Only an exact name may match; a typo
    # fix would turn a foreign place into a US one (Paris, TN).
    outside: bool = False


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
        return [Reading(normalize(text), None, outside=True)]
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

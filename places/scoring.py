"""How close a typed name is to a known one: trigram narrowing, then scores."""

from __future__ import annotations

import heapq
from collections import Counter

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from lexicon.names import normalize
from places.snapshot import Place

ACCEPT_SCORE = 85.0  # a typo this close is taken as meant ('Greenfeild' -> 'Greenfield')
ONE_SLIP = 95.0  # score of a name one edit away (transpositions count as one)
TWO_SLIPS = 87.0  # two edits away, for names of eight letters or more
CANDIDATES = 60  # names kept by the trigram filter for fuzzy scoring
COMMON_GRAM = 1500  # trigrams in more names than this are skipped while others remain
RARE_FALLBACK = 3  # when every trigram is common, count only this many of the rarest


def whole_name_close(typed: str, place: Place) -> bool:
    """With no state to go by, a correction must be close over the whole name: WRatio
    scores 'paris france' 90 against Paris (TN) for the shared word alone."""
    name = normalize(place.label.rsplit(",", 1)[0] if place.state else place.label)
    return max(fuzz.ratio(typed, name), edit_score(typed, name, None)) >= ACCEPT_SCORE


def edit_score(typed: str, name: str, state: str | None) -> float:
    """One slip (a letter wrong, missing, extra or two swapped) in a longer name is a typo
    even where WRatio scores it low: 'Anekny' is Ankeny (WRatio 67). Two slips only with a
    state given: bare, 'Sao Paulo' is two slips from San Pablo (CA) and is not in the US."""
    edits = OSA.distance(typed, name, score_cutoff=2)
    if edits == 1 and len(name) >= 4:
        return ONE_SLIP
    if edits == 2 and len(name) >= 8 and state:
        return TWO_SLIPS
    return 0.0


def candidates(postings: dict[str, list[int]], grams: set[str]) -> list[int]:
    """Name ids sharing the most trigrams with the query, counting the rarer trigrams only.

    A trigram such as ' ma' is in thousands of names and says little; counting it would
    cost more than all the others together. The rarest trigrams alone still pick out a
    name with one typo (a typo touches at most three trigrams of a word).
    """
    lists = sorted((postings[g] for g in grams if g in postings), key=len)
    if not lists:
        return []
    kept = [ids for ids in lists if len(ids) <= COMMON_GRAM] or lists[:RARE_FALLBACK]
    counts: Counter[int] = Counter()
    for ids in kept:
        counts.update(ids)
    floor = max(1, len(kept) // 3)
    strong = [(n, i) for i, n in counts.items() if n >= floor]
    return [i for _, i in heapq.nlargest(CANDIDATES, strong)]

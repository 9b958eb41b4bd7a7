"""EFF Atlas of Surveillance: which places an agency belongs to, and who signed a Ring row.

Pure functions over parsed rows (no database), used by `storage.importers.atlas`.

- An agency belongs to every place its rows name, not only its first row's: the Dallas PD's
  first row says 'Dallas, Texas', the Ventura County Sheriff's Ring row says Simi Valley.
  A City cell is read as a city ('Dallas, Texas' -> Dallas; 'Florida' in FL names no city)
  with its case tidied ('Morgan HIll', 'Mcfarland'). A spelling one slip away from one that
  more of the agency's rows use is a typo and is out-voted ('Oveido' by three 'Oviedo').
- A Ring row is a partnership. Where the Atlas lists the same agency twice as a Ring partner
  and a row's Summary names another agency as the signer, that agency signed: AOS3909,
  'Kalamazoo Township Police Department', says the Kalamazoo Department of Public Safety
  signed. The Atlas's name is kept as an alias.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict

from rapidfuzz.distance import OSA

from lexicon.names import normalize
from lexicon.states import city_in_cell
from storage.importers.atlas_rows import RING, AtlasRow

# "The Town of Madison Police Department signed an agreement with Amazon's ..."
_SIGNER = re.compile(r"^(?:The )?(.{3,120}?) signed an agreement with Amazon")
TYPO_MIN_LETTERS = 5  # shorter names are too close to each other for one slip to be a typo


def agency_places(rows: list[AtlasRow]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every agency's cities, the most named first (its city of record)."""
    named: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        named[row.agency_key][city_in_cell(row.city, row.state)] += 1
    return {key: _voted(counts) for key, counts in named.items()}


def _voted(counts: Counter[str]) -> tuple[str, ...]:
    """Spellings of one place merged (by normalised key), typos folded into the spelling
    that out-votes them; most named first, ties in the order the rows give them."""
    by_key: dict[str, Counter[str]] = {}
    for label, n in counts.items():
        if normalize(label):
            by_key.setdefault(normalize(label), Counter())[label] += n
    votes = {key: sum(c.values()) for key, c in by_key.items()}
    kept = [key for key in votes if not _outvoted(key, votes)]
    kept.sort(key=lambda key: -votes[key])  # stable: ties keep the rows' order
    return tuple(by_key[key].most_common(1)[0][0] for key in kept)


def _outvoted(key: str, votes: dict[str, int]) -> bool:
    if len(key.replace(" ", "")) < TYPO_MIN_LETTERS:
        return False
    return any(
        votes[other] > votes[key] and OSA.distance(key, other, score_cutoff=1) == 1
        for other in votes
        if other != key
    )


def signer(summary: str) -> str:
    """The agency a Ring row's Summary says signed ('' when it does not say so plainly)."""
    found = _SIGNER.match(" ".join(summary.split()))
    return found[1] if found else ""


def split_signers(rows: list[AtlasRow]) -> list[AtlasRow]:
    """Ring rows of an agency listed twice whose Summary names another signer, under the
    signer's name (the Atlas's name kept as `atlas_name`); every other row unchanged."""
    ring_rows = Counter(row.agency_key for row in rows if row.technology == RING)
    out = []
    for row in rows:
        name = signer(row.summary) if row.technology == RING else ""
        if ring_rows[row.agency_key] > 1 and name and normalize(name) != normalize(row.agency):
            row = dataclasses.replace(row, agency=name, atlas_name=row.agency)
        out.append(row)
    return out

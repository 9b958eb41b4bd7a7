"""US ZIP codes typed as places ('60601', '14624-1234'), from the `zipcodes` package: an
offline gazetteer (no network), so a ZIP answers as fast as a name does.

A ZIP names a post office's city and the other place names USPS accepts for it (14624 is
Rochester, and also Gates): each is tried against the places on record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import zipcodes

ZIP = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")


@dataclass(frozen=True)
class ZipArea:
    code: str
    names: tuple[str, ...]  # the post office's city first, then the accepted names
    state: str
    county: str  # '' when the gazetteer gives none


def zip_code(text: str) -> str | None:
    """The 5-digit ZIP in `text` when it is nothing but a ZIP (or ZIP+4)."""
    found = ZIP.match(text)
    return found[1] if found else None


def zip_area(code: str) -> ZipArea | None:
    """The area of a 5-digit ZIP; None when the gazetteer does not know it."""
    # The package's public function has no annotations (its compiled core has them).
    rows: list[dict[str, object]] = zipcodes.matching(code)  # type: ignore[no-untyped-call]
    if not rows:
        return None
    row = rows[0]
    accepted = row["acceptable_cities"]
    others = [str(c) for c in accepted] if isinstance(accepted, list) else []
    names = (str(row["city"]), *others)
    return ZipArea(code, tuple(dict.fromkeys(names)), str(row["state"]), str(row["county"] or ""))

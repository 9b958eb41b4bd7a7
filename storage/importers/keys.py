"""Natural keys shared by the seed and the importers, so the same fact is the same row."""

from __future__ import annotations

from storage.facts.write import name_key


def law_key(state: str, level: str, place: str = "") -> str:
    """One law row per jurisdiction: 'law:CA:city:oakland', 'law:VA:state'."""
    if level == "state":
        return f"law:{state}:state"
    return f"law:{state}:{level}:{name_key(place)}"

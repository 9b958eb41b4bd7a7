"""The public-records law of every state and DC (`records_laws.toml`), as a records request
cites it: name, citation, the response deadline where a source states it, the statute's own
fee waiver where there is one, where to appeal, and the source of each: the guide that leads to
the law and, where one was found, the statute's own text or an official state page.

Reference data beside the facts, not edited from chat, so it is read from the file (once)
and needs no table: a new seed version ships with the code that reads it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RECORDS_LAWS_FILE = Path(__file__).with_name("records_laws.toml")


@dataclass(frozen=True)
class RecordsLaw:
    """A state's public-records law, with its source.

    `deadline_days` is None when no source read for it states a deadline (the letter then
    names none), 0 when the law sets no number of days, else the days in `deadline_unit`
    ('business', 'working' or 'calendar')."""

    state: str
    name: str
    name_es: str
    source_url: str
    publisher: str
    citation: str = ""
    appeal: str = ""
    fee_waiver: str = ""  # the statute's own public-interest waiver, '' when none is known
    fee_waiver_source_url: str = ""
    deadline_days: int | None = None
    deadline_unit: str = ""
    deadline_note: str = ""
    deadline_source_url: str = ""
    deadline_publisher: str = ""
    # The statute's own text or an official state page naming the law and its citation, where
    # one was found: the guide above leads to it, this is what a letter should point to.
    statute_url: str = ""
    statute_publisher: str = ""

    @property
    def law_url(self) -> str:
        """Where a letter sends its reader about the law: the official source when there is
        one, else the guide."""
        return self.statute_url or self.source_url


def _law(entry: dict[str, Any]) -> RecordsLaw:
    deadline = entry.get("deadline") or {}
    source = deadline.get("source", {})
    waiver = entry.get("fee_waiver") or {}
    statute = entry.get("statute") or {}
    return RecordsLaw(
        state=entry["state"],
        name=entry["name"],
        name_es=entry.get("name_es", ""),
        source_url=entry["source"]["url"],
        publisher=entry["source"].get("publisher", ""),
        citation=entry.get("citation", ""),
        appeal=entry.get("appeal", ""),
        fee_waiver=waiver.get("cite", ""),
        fee_waiver_source_url=waiver.get("source", {}).get("url", ""),
        deadline_days=deadline.get("days") if deadline else None,
        deadline_unit=deadline.get("unit", ""),
        deadline_note=deadline.get("note", ""),
        deadline_source_url=source.get("url", ""),
        deadline_publisher=source.get("publisher", ""),
        statute_url=statute.get("url", ""),
        statute_publisher=statute.get("publisher", ""),
    )


@cache
def records_laws() -> dict[str, RecordsLaw]:
    data = tomllib.loads(RECORDS_LAWS_FILE.read_text(encoding="utf-8"))
    return {entry["state"]: _law(entry) for entry in data.get("records_laws", [])}


def records_law(state: str) -> RecordsLaw | None:
    return records_laws().get(state.upper())

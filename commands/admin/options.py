"""Options several admin commands share."""

from __future__ import annotations

from bot.core.registry import Option
from lexicon.sources import MAX_URL

SOURCE = Option("source", "Source URL (http or https) that reports this", max_length=MAX_URL)
AGENCY = Option(
    "agency", "Agency or place, e.g. 'Greenfield Police Department, WI'", autocomplete="place",
    max_length=150,
)  # fmt: skip
STATE = Option("state", "Two-letter state, e.g. WI", required=False, max_length=30)

"""Options several admin commands share."""

from __future__ import annotations

from typing import Annotated

from bot.core.signatures import Opt
from lexicon.sources import MAX_URL

Source = Annotated[str, Opt("Source URL (http or https) that reports this", max_length=MAX_URL)]
Agency = Annotated[
    str,
    Opt(
        "Agency or place, e.g. 'Greenfield Police Department, WI'", autocomplete="place",
        max_length=150,
    ),
]  # fmt: skip
State = Annotated[str, Opt("Two-letter state, e.g. WI", max_length=30)]

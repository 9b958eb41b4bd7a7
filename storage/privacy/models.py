"""What /mydata shows: one section per feature that holds something about a person."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    lines: tuple[str, ...]
    erase_note: str = ""

"""What /mydata shows: one section per feature that holds something about a person."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    lines: tuple[str, ...]
    erase_note: str = ""


@dataclass(frozen=True)
class Erasure:
    """What /forgetme erased: rows per section, and what may still hold an old copy (tables
    the database could not rewrite just now, or its write-ahead log): () when nothing."""

    counts: dict[str, int]
    left: tuple[str, ...] = ()

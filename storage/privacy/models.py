"""What /mydata shows: one section per feature that holds something about a person."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """`name` and `erase_note` are catalog keys (English): the command says them in the
    asker's language, the note with `note_fields` filled in. `lines` are already in it."""

    name: str
    lines: tuple[str, ...]
    erase_note: str = ""
    note_fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Erasure:
    """What /forgetme erased: rows per section, and what may still hold an old copy (tables
    the database could not rewrite just now, or its write-ahead log): () when nothing."""

    counts: dict[str, int]
    left: tuple[str, ...] = ()

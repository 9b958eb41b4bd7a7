"""A governing body and an official as recorded, each with its source and as-of date."""

from __future__ import annotations

from dataclasses import dataclass

from lexicon.i18n import _
from lexicon.sources import said_date


@dataclass(frozen=True)
class StoredBody:
    """B12: the body governing a place's police (or one agency), as a source names it."""

    id: int
    place_key: str
    place_label: str
    name: str  # 'the Town Board of the Town of Gates', as the admin typed it
    source_url: str
    as_of: str  # the day the source showed it as current
    # Its public contact from the same source ('' when not given): where a letter goes.
    web: str = ""
    email: str = ""
    phone: str = ""
    meeting_on: str = ""  # YYYY-MM-DD: past or coming, the reader compares with today
    meeting_place: str = ""

    @property
    def reach(self) -> str:
        """'https://example.org/contact, clerk@example.org, +1 585 555 0100', or ''."""
        return ", ".join(x for x in (self.web, self.email, self.phone) if x)

    @property
    def cite(self) -> str:
        return _("{url} (as of {day}, {fact})").format(
            url=self.source_url, day=said_date(self.as_of), fact=f"B{self.id}"
        )


@dataclass(frozen=True)
class StoredOfficial:
    """O7: one member of that body (or one official of the place), as a source names them."""

    id: int
    place_key: str
    place_label: str
    name: str  # 'Ana Pérez'
    title: str  # 'Council Member'
    source_url: str
    as_of: str
    email: str = ""  # public email and phone as the source gives them; '' when none
    phone: str = ""

    @property
    def addressed(self) -> str:
        """'Council Member Ana Pérez': the title and name as the source writes them."""
        return f"{self.title} {self.name}"

    @property
    def cite(self) -> str:
        return _("{url} (as of {day}, {fact})").format(
            url=self.source_url, day=said_date(self.as_of), fact=f"O{self.id}"
        )

    @property
    def reach(self) -> str:
        """'ana@example.org, +1 414 555 0100': how to reach them, '' when not on record."""
        return ", ".join(x for x in (self.email, self.phone) if x)

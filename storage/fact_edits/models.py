"""The values of admin changes to the facts (FactEditor, repository.py): one use case each,
each audited and undoable.

Every change runs as ONE write job: its fact rows, its audit entry and the follow
notifications it queues commit together or not at all. A change that cannot be made as asked
raises `storage.audit.ChangeRefused` (a `storage.errors.Refused`) with a sentence for the
admin, and nothing is written. The commands validate what users type; storage checks what
only the database knows (a partnership already on record, a law enacted after the date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from storage.audit.models import Author

if TYPE_CHECKING:
    from storage.importers.atlas import AtlasParse
    from storage.importers.facts_csv import FactRow
    from storage.importers.laws import LawsParse

FactKind = Literal["D", "E", "L", "B", "O"]  # deployment, company event, law, body, official


@dataclass(frozen=True)
class FactRef:
    """A fact as chat names it: D123, E45, L7, B12 or O7."""

    kind: FactKind
    id: int

    def __str__(self) -> str:
        return f"{self.kind}{self.id}"


@dataclass(frozen=True)
class Edit:
    """Who makes a change, when, on which source, and how its followers are told.

    `notice` is the follower's message as a `str.format` template per language code (English,
    "en", always among them): storage fills {change} (the change id), {place} (the followed
    place's label) and {summary} (what changed) in each follower's language, so the wording
    stays with the commands and storage calls nothing back.
    """

    author: Author
    at: dt.datetime
    command: str  # as the audit log names it: 'facts set-partnership'
    source_url: str
    notice: Mapping[str, str]


@dataclass(frozen=True)
class AgencyRef:
    """An agency on record (id set), or one to create with the change (id None)."""

    id: int | None
    name: str
    state: str
    city: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.state})" if self.state else self.name


@dataclass(frozen=True)
class CompanyRef:
    id: int
    slug: str
    name: str


@dataclass(frozen=True)
class LawRef:
    id: int
    kind: str
    enacted: str
    status: str


@dataclass(frozen=True)
class Jurisdiction:
    """Where a law applies: label 'Oakland, CA', level city/county/state."""

    label: str
    level: str
    city: str
    county: str
    state: str


@dataclass(frozen=True)
class PlaceRef:
    """Where a body or official is recorded: its key ('city:gates:NY', 'agency:12'), the
    label the admin's reply names, and the subjects its followers follow it under."""

    key: str
    label: str
    subjects: tuple[str, ...]


@dataclass(frozen=True)
class BodyContact:
    """A body's public contact from the same source: '' for what the source does not give."""

    web: str = ""
    email: str = ""
    phone: str = ""
    meeting_on: str = ""  # YYYY-MM-DD of a public meeting
    meeting_place: str = ""  # its time and place, as the source writes them


@dataclass(frozen=True)
class BodyChange:
    """Record (or correct) the body that governs a place's police."""

    edit: Edit
    place: PlaceRef
    name: str
    as_of: str  # ISO date the source showed it as current
    contact: BodyContact = BodyContact()


@dataclass(frozen=True)
class NewOfficial:
    """Record (or correct the title of) an official of a place."""

    edit: Edit
    place: PlaceRef
    name: str
    title: str
    as_of: str  # ISO date
    email: str = ""  # their public email and phone, '' when the source gives none
    phone: str = ""


@dataclass(frozen=True)
class PartnershipChange:
    """Record (or correct the start of) an agency's Ring partnership."""

    edit: Edit
    agency: AgencyRef
    since: str  # ISO date


@dataclass(frozen=True)
class PartnershipEnd:
    edit: Edit
    agency: AgencyRef
    ended: str  # ISO date


@dataclass(frozen=True)
class NewEvent:
    edit: Edit
    company: CompanyRef
    happened: str  # ISO date
    kind: str
    status: str  # the company's status after it, '' when unchanged
    text: str  # the admin's one-sentence summary
    confidence: str = "confirmed"  # or "reported" (members read it as reported)
    text_es: str = ""  # the same in Spanish ('' when not given: Spanish says it by its kind)
    status_es: str = ""


@dataclass(frozen=True)
class NewLaw:
    edit: Edit
    jurisdiction: Jurisdiction
    kind: str
    scope: str
    enacted: str  # ISO date
    status: str
    status_changed: str | None  # ISO date
    scope_es: str = ""  # the scope in Spanish ('' when not given: Spanish leaves it out)


@dataclass(frozen=True)
class SpanishText:
    """Fill or correct the Spanish of an event (E: its summary and status) or a law (L: its
    scope and status note). `status_es` '' leaves the stored one as it is."""

    edit: Edit
    fact: FactRef
    text_es: str
    status_es: str = ""


@dataclass(frozen=True)
class LawStatusChange:
    edit: Edit
    law_id: int
    status: str
    changed: str  # ISO date
    note: str


@dataclass(frozen=True)
class FactRemoval:
    edit: Edit
    fact: FactRef


@dataclass(frozen=True)
class AtlasImport:
    """A parsed EFF Atlas export (no errors) and the date it describes."""

    edit: Edit
    parsed: AtlasParse
    filename: str
    as_of: str  # ISO date


@dataclass(frozen=True)
class LawsImport:
    """A parsed table of local facial-recognition laws (no errors) and the date it describes."""

    edit: Edit
    parsed: LawsParse
    filename: str
    as_of: str  # ISO date


@dataclass(frozen=True)
class FactsCsvImport:
    """The rows of a parsed facts CSV (no errors)."""

    edit: Edit
    rows: tuple[FactRow, ...]
    filename: str


@dataclass(frozen=True)
class UndoRequest:
    edit: Edit  # source_url is unused: an undo cites the source of the change it undoes
    change_id: int


@dataclass(frozen=True)
class Outcome:
    change_id: int
    fact: str  # 'D123'
    action: str  # create, update, delete
    summary: str
    queued: int  # follow notifications queued


@dataclass(frozen=True)
class ImportOutcome:
    change_id: int
    queued: int
    lines: tuple[str, ...]  # what was read and created, one line each


@dataclass(frozen=True)
class UndoOutcome:
    change_id: int  # the undo's own change
    undone_id: int
    undone_summary: str
    rows: int  # rows restored or deleted
    queued: int

"""What the facts read repository returns: frozen values, never database rows."""

from __future__ import annotations

from dataclasses import dataclass

from lexicon.sources import citation

# The Atlas category of Ring's police partnerships, as the EFF spells it.
RING_TECHNOLOGY = "Ring/Neighbors Partnership"


@dataclass(frozen=True)
class Source:
    url: str
    publisher: str = ""
    published: str = ""  # ISO date, '' when unknown
    title: str = ""

    def cite(self) -> str:
        """'Reuters, 2021-05-18: https://...' with whatever parts are known, in the language
        of the reply being written (lexicon/sources.py)."""
        return citation(self.url, self.publisher, self.published)


@dataclass(frozen=True)
class Company:
    id: int
    slug: str
    name: str
    topic: str = "face-recognition"  # or "police-video" (Ring): what its timeline is about


@dataclass(frozen=True)
class CompanyEvent:
    company: Company
    happened: str
    precision: str  # 'day', 'month' or 'year'
    kind: str
    status: str  # what this event makes the company's status; '' when it changes nothing
    summary: str
    source: Source
    as_of: str
    key: str = ""  # the natural key, for the few facts a feature names ('ring:2024-01-24:...')
    confidence: str = "confirmed"  # or "reported": members read it as reported
    # The same in Spanish ('' when nobody wrote it: Spanish then says the event from its
    # kind and date, never the English text).
    summary_es: str = ""
    status_es: str = ""

    @property
    def reported(self) -> bool:
        return self.confidence == "reported"


@dataclass(frozen=True)
class CompanyStatus:
    """A company and the latest event that set its status (None: no status on record)."""

    company: Company
    latest: CompanyEvent | None


@dataclass(frozen=True)
class Agency:
    id: int
    name: str
    city: str
    county: str  # may list several: 'Ogle County, Winnebago County'
    state: str
    kind: str = ""
    jurisdiction_type: str = ""


@dataclass(frozen=True)
class Deployment:
    id: int
    agency: Agency
    technology: str
    vendor: str
    summary: str
    started: str | None
    started_precision: str | None
    ended: str | None
    source: Source
    as_of: str


@dataclass(frozen=True)
class Law:
    id: int
    jurisdiction: str
    city: str
    county: str
    state: str
    level: str  # city, county, state, agency
    kind: str  # ban, moratorium, oversight, regulation, other
    scope: str
    enacted: str
    enacted_precision: str
    status: str  # in-force, expired, repealed, partly-reversed, reversed, pending
    status_changed: str | None
    status_note: str
    source: Source
    as_of: str
    enacted_means: str = "enacted"  # or signed, voted, effective: what `enacted` dates
    scope_es: str = ""  # the scope and note in Spanish; '' when nobody wrote them
    status_note_es: str = ""
    # Whose unchecked word the row is: LAWS_DATASET for the IFF table's rows as it gives
    # them (replies say so in the reader's language), '' for a checked fact.
    reported_by: str = ""


@dataclass(frozen=True)
class AgencyName:
    """Another name an agency is found by: a city its rows name, or an alias."""

    agency_id: int
    kind: str  # 'city' or 'alias'
    name: str


@dataclass(frozen=True)
class LawPlace:
    """Where a city or county law applies, so the place index knows the place exists."""

    level: str
    city: str
    county: str
    state: str


@dataclass(frozen=True)
class Dataset:
    name: str
    as_of: str
    imported_at: str
    rows_read: int
    description: str


@dataclass(frozen=True)
class Count:
    key: str  # a state code or a year ('' when unknown)
    count: int


def deployment_order(deployment: Deployment) -> tuple[str, str, str, int]:
    """How deployments are listed: by agency, technology, start date, then entry."""
    return (deployment.agency.name, deployment.technology, deployment.started or "", deployment.id)


@dataclass(frozen=True)
class RingTotals:
    """Ring partnerships counted as people mean them: agencies, not rows."""

    agencies: int
    rows: int  # an agency may have several (a partnership that ended and began again)
    ended: int  # agencies whose partnership is recorded as ended


# The named bodies of data (the `datasets` table) the importers write and lookups cite.
ATLAS_DATASET = "eff-atlas"
LAWS_DATASET = "iff-local-laws"

"""One parsed row of the EFF Atlas of Surveillance, and the natural keys it is stored under."""

from __future__ import annotations

from dataclasses import dataclass

from storage.facts.write import name_key
from storage.importers.dates import LooseDate

RING = "Ring/Neighbors Partnership"


@dataclass(frozen=True)
class AtlasRow:
    line: int
    record_id: str
    agency: str
    state: str  # two-letter code, '' when the file does not say
    city: str
    county: str
    kind: str
    jurisdiction_type: str
    technology: str
    vendor: str
    summary: str
    source_url: str
    source_publisher: str
    source_date: LooseDate | None
    started: LooseDate | None
    dated_from_summary: bool
    atlas_name: str = ""  # the Agency cell, when the Summary names another signer
    repeat_of: str = ""  # a later Ring row of the same agency: its record id keeps it apart

    @property
    def agency_key(self) -> tuple[str, str]:
        return name_key(self.agency), self.state

    @property
    def natural_key(self) -> str:
        key = deployment_key(self.agency, self.state, self.technology, self.vendor)
        return f"{key}|{self.record_id}" if self.repeat_of else key


def deployment_key(agency: str, state: str, technology: str, vendor: str) -> str:
    parts = (name_key(agency), state, name_key(technology), name_key(vendor))
    return "atlas:" + "|".join(parts)

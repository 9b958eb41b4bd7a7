"""Which places an Atlas agency belongs to, and who signed a Ring row (no database)."""

from __future__ import annotations

import dataclasses

from storage.importers.atlas_places import agency_places, signer, split_signers
from storage.importers.atlas_rows import RING, AtlasRow

BASE = AtlasRow(
    line=2, record_id="AOS0001", agency="Oviedo City Police Department", state="FL",
    city="Oviedo", county="Seminole County", kind="Police", jurisdiction_type="Municipal",
    technology="Drones", vendor="", summary="", source_url="https://example.org",
    source_publisher="", source_date=None, started=None, dated_from_summary=False,
)  # fmt: skip


def row(
    n: int,
    *,
    city: str = "Oviedo",
    agency: str = BASE.agency,
    state: str = "FL",
    technology: str = "Drones",
    summary: str = "",
) -> AtlasRow:
    return dataclasses.replace(
        BASE, line=n + 1, record_id=f"AOS{n:04d}", city=city, agency=agency, state=state,
        technology=technology, summary=summary,
    )  # fmt: skip


def test_a_typo_is_out_voted_and_every_other_city_kept() -> None:
    rows = [row(1, city="Oveido"), row(2), row(3, city="OVIEDO"), row(4, city="Winter Springs")]
    assert agency_places(rows) == {("oviedo city police department", "FL"): (
        "Oviedo", "Winter Springs")}  # fmt: skip


def test_a_tie_is_not_a_typo_and_a_state_is_not_a_city() -> None:
    rows = [row(1, city="Kngston"), row(2, city="Kingston"), row(3, city="Florida")]
    assert agency_places(rows)[("oviedo city police department", "FL")] == ("Kngston", "Kingston")


def test_the_summarys_signer_is_the_agency_when_the_atlas_lists_it_twice() -> None:
    said = "The {} signed an agreement with Amazon's home surveillance equipment company, Ring."
    town = row(1, agency="Madison Police Department", state="WI", technology=RING,
               summary=said.format("Town of Madison Police Department"))  # fmt: skip
    city = row(2, agency="Madison Police Department", state="WI", technology=RING,
               summary=said.format("Madison Police Department"))  # fmt: skip
    assert signer(town.summary) == "Town of Madison Police Department"
    split = split_signers([town, city])
    assert [(r.agency, r.atlas_name) for r in split] == [
        ("Town of Madison Police Department", "Madison Police Department"),
        ("Madison Police Department", ""),
    ]
    # Listed once, a Summary's other wording ('Village of ...') is only wording.
    village = row(3, agency="Summit Police Department", state="IL", technology=RING,
                  summary=said.format("Village of Summit Police Department"))  # fmt: skip
    assert split_signers([village]) == [village]

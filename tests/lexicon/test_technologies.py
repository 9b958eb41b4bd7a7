"""The Atlas's technology categories said in the reader's language, unknown ones as stored."""

from __future__ import annotations

import csv

from lexicon.i18n import using
from lexicon.technologies import KNOWN, technology_name
from tests.conftest import shared_data_file


def test_every_category_of_the_atlas_export_is_in_the_table() -> None:
    path = shared_data_file("eff_atlas_of_surveillance_2020-10-07.csv")
    with path.open(encoding="utf-8", newline="") as f:
        categories = {row["Technology"] for row in csv.DictReader(f)} - {""}
    assert categories == KNOWN


def test_english_names_are_the_atlas_spelling_and_spanish_the_glossary() -> None:
    assert {technology_name(t) for t in KNOWN} == KNOWN
    with using("es"):
        assert technology_name("Body-worn Cameras") == "Cámaras corporales"
        assert (
            technology_name("Automated License Plate Readers") == "Lectores automáticos de placas"
        )
        assert technology_name("Ring/Neighbors Partnership") == "Acuerdo con Ring/Neighbors"
        spanish = {technology_name(t) for t in KNOWN}
    assert len(spanish) == len(KNOWN)
    assert spanish & KNOWN == {"Drones"}  # the one name both languages write alike


def test_a_category_not_in_the_table_is_shown_as_stored() -> None:
    with using("es"):
        assert technology_name("Social Media Monitoring") == "Social Media Monitoring"

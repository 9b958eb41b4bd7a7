"""How a spreadsheet's City cell is read as a place label."""

from __future__ import annotations

import pytest

from lexicon.names import tidy_case
from lexicon.states import city_in_cell, state_code


@pytest.mark.parametrize(
    ("cell", "label"),
    [
        ("Morgan HIll", "Morgan Hill"),  # a stray capital
        ("OVIEDO", "Oviedo"),  # all caps
        ("MCKINNEY", "McKinney"),
        ("Mcfarland", "McFarland"),  # 'Mc' keeps its second capital
        ("McFarland", "McFarland"),
        ("LaPlata", "LaPlata"),  # mixed case that may be meant is left alone
        ("DeFuniak Springs", "DeFuniak Springs"),
        ("St. Louis Park", "St. Louis Park"),
    ],
)
def test_tidy_case(cell: str, label: str) -> None:
    assert tidy_case(cell) == label


@pytest.mark.parametrize(
    ("cell", "state", "city"),
    [
        ("Dallas, Texas", "TX", "Dallas"),
        ("Dallas, TX", "TX", "Dallas"),
        ("Florida", "FL", ""),  # the row's own state: no city named
        ("District of Columbia", "DC", ""),
        ("Washington", "DC", "Washington"),  # a state's name, but not the row's state
        ("Oregon", "OH", "Oregon"),
        ("  Morgan   HIll ", "CA", "Morgan Hill"),
        ("", "WI", ""),
    ],
)
def test_city_in_cell(cell: str, state: str, city: str) -> None:
    assert city_in_cell(cell, state) == city


def test_dotted_state_codes() -> None:
    assert state_code("D.C.") == "DC"
    assert state_code("W.I.") == "WI"
    assert state_code("X.Y.") is None

"""/contact over the real Atlas export, through the dispatcher (the console's path)."""

from __future__ import annotations

import pytest

from bot.core.dispatch import Dispatcher, Identity

pytestmark = pytest.mark.real_data("atlas")  # the `db` fixture opens with the export


@pytest.fixture
def atlas(dispatcher: Dispatcher) -> Dispatcher:
    return dispatcher


async def test_contact_names_sourced_bodies_and_says_when_none_is(
    atlas: Dispatcher, member: Identity
) -> None:
    gates = await atlas.run_text(member, "/contact Gates, NY")
    assert gates.private and not gates.error
    (own,) = [f for f in gates.fields if f.name.startswith("Gates Police Department")]
    assert "Gates's own police" in own.name
    assert "the Town Board of the Town of Gates" in own.value and "Town Law § 60" in own.value
    stl = await atlas.run_text(member, "/contact St. Louis, MO")
    board = [f for f in stl.fields if f.name.startswith("St. Louis Metropolitan")]
    assert "Board of Police Commissioners" in board[0].value and "missourinet" in board[0].value
    oakland = await atlas.run_text(member, "/contact Oakland, CA")
    assert oakland.fields[0].name.startswith("Oakland Police Department")  # its own first
    sheriff = [f for f in oakland.fields if f.name.startswith("Alameda County Sheriff")]
    assert "write to the sheriff" in sheriff[0].value and "direct" not in sheriff[0].value
    # California Government Code § 25000: each county has a board of supervisors.
    assert "the Alameda County Board of Supervisors" in sheriff[0].value
    assert "gov-sect-25000" in sheriff[0].value
    cobb = await atlas.run_text(member, "/contact Cobb County, GA")
    sheriff = [f for f in cobb.fields if f.name.startswith("Cobb County Sheriff")]
    assert "write to the sheriff" in sheriff[0].value
    assert "No source on record names the body" in sheriff[0].value
    madison = await atlas.run_text(member, "/contact Madison, WI")
    town = [f for f in madison.fields if f.name.startswith("Town of Madison")]
    assert "dissolved on 2022-10-31" in town[0].value and "cityofmadison.com" in town[0].value
    bad = await atlas.run_text(member, "/contact Paris, France")
    assert bad.error and "\n" not in bad.text

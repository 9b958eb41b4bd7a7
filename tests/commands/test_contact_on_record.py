"""Bodies and officials recorded by facts admins, over the real Atlas export: a sheriff's
letter still goes to the sheriff (the county body recorded is the one copied), an
agency's own rule (a state board) outranks a body recorded for its city."""

from __future__ import annotations

import pytest

from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
URL = "https://example.org/recorded"


pytestmark = pytest.mark.real_data("atlas")  # the `db` fixture opens with the export


@pytest.fixture
def atlas(dispatcher: Dispatcher) -> Dispatcher:
    return dispatcher


async def ok(disp: Dispatcher, who: Identity, line: str) -> str:
    reply = await disp.run_text(who, line)
    assert not reply.error, reply.text
    return reply.as_text()


async def test_a_county_body_recorded_is_copied_on_the_sheriffs_letter(
    atlas: Dispatcher, member: Identity
) -> None:
    line = (
        '/facts set-body "Alameda County, CA" "Alameda County Board of Supervisors"'
        f" source:{URL} as-of:2026-11-20"
    )
    await ok(atlas, ADMIN, line)
    reply = await atlas.run_text(member, "/contact Oakland, CA")
    (sheriff,) = [f for f in reply.fields if f.name.startswith("Alameda County Sheriff")]
    assert "write to the sheriff" in sheriff.value
    assert "budget is voted by: the Alameda County Board of Supervisors." in sheriff.value
    assert "No source on record" not in sheriff.value and URL in sheriff.value
    letter = await ok(
        atlas, member, '/letter draft ring-council "Alameda County Sheriff\'s Office, CA"'
    )
    assert "Dear Sheriff," in letter and "the Alameda County Board of Supervisors" in letter


async def test_an_agency_rule_outranks_a_body_recorded_for_its_city(
    atlas: Dispatcher, member: Identity
) -> None:
    line = f'/facts set-body "St. Louis, MO" "Board of Aldermen" source:{URL} as-of:2026-11-20'
    await ok(atlas, ADMIN, line)
    reply = await atlas.run_text(member, "/contact St. Louis, MO")
    (force,) = [f for f in reply.fields if f.name.startswith("St. Louis Metropolitan")]
    assert "Board of Police Commissioners" in force.value and "Aldermen" not in force.value


async def test_officials_recorded_for_the_town_greet_the_towns_letter(
    atlas: Dispatcher, member: Identity
) -> None:
    line = (
        '/facts add-official "Gates, NY" "Ana Pérez" "Council Member"'
        f" source:{URL} as-of:2026-11-20"
    )
    await ok(atlas, ADMIN, line)
    letter = await ok(atlas, member, "/letter draft ring-council Gates, NY")
    assert "To: the Town Board of the Town of Gates" in letter  # the rule's body, sourced
    assert "Dear Council Member Ana Pérez," in letter and "Rochester" not in letter

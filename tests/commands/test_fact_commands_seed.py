"""The fact commands on the project's seed facts (storage/seed), with and without the Atlas."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from places.index import place_index
from storage.db import Database
from storage.seed import ensure_seed
from tests.conftest import FIXED_NOW


@pytest.fixture
async def seeded(dispatcher: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    await ensure_seed(db, now=FIXED_NOW)
    await place_index(deps).reload()
    return dispatcher


async def test_moratorium_amazon_shows_2020_and_2021_with_sources(
    seeded: Dispatcher, member: Identity
) -> None:
    for typed in ("amazon", "Amazon Rekognition", "AWS", "amazn"):
        reply = await seeded.run_text(member, f"/moratorium {typed}")
        assert not reply.error, reply.text
        fields = {f.name: f.value for f in reply.fields}
        assert (
            "one year" in fields["2020-06-10"] and "Source: BuzzFeed News" in fields["2020-06-10"]
        )
        assert "until further notice" in fields["2021-05-18"]
        assert "Source: Reuters" in fields["2021-05-18"]
        assert reply.text.startswith(
            "Current status: Moratorium, in Amazon's words, on police departments' use of"
            " Rekognition's face comparison feature in connection with criminal investigations"
        )


async def test_moratorium_overview_and_facebook(seeded: Dispatcher, member: Identity) -> None:
    overview = await seeded.run_text(member, "/moratorium")
    names = [f.name for f in overview.fields]
    assert {"Amazon", "IBM", "Meta", "Microsoft"} <= set(names)
    assert "Ring" not in names  # its timeline is police access to video, not a FR policy
    assert "/moratorium ring shows its timeline" in overview.text
    assert "sells no face recognition" not in overview.text
    assert all("Source:" in f.value and "(as of " in f.value for f in overview.fields)
    current = {f.name: f.value for f in overview.fields}
    assert current["Microsoft"].startswith("Reported: The June 2020 pledge")
    assert "2024-05-01 Azure OpenAI rule" in current["Microsoft"]
    assert (
        current["Meta"].startswith("Face recognition back in tests")
        and "2024-10-21" in (current["Meta"])
    )
    ring = await seeded.run_text(member, "/moratorium ring")
    assert ring.title == "Ring: police access to users' video, and its other dated events"
    meta = await seeded.run_text(member, "/moratorium facebook")
    assert meta.title.startswith("Meta:")


async def test_laws_show_reversals_and_expiry_with_dates(
    seeded: Dispatcher, member: Identity
) -> None:
    virginia = await seeded.run_text(member, "/laws Virginia")
    assert "reversed on 2022-07-01" in virginia.fields[0].value
    california = await seeded.run_text(member, "/laws CA")
    expired = next(f.value for f in california.fields if f.name == "California")
    assert "expired on 2023-01-01" in expired
    oakland = await seeded.run_text(member, "/laws Oakland, CA")
    assert [f.name for f in oakland.fields] == ["Oakland, CA", "California"]
    new_orleans = await seeded.run_text(member, "/local New Orleans, LA")
    assert "partly reversed on 2022-07-28" in new_orleans.as_text()


@pytest.mark.real_data("seed", "atlas")  # the `db` fixture opens with the export
async def test_ring_lookup_tells_what_the_program_is_today(
    seeded: Dispatcher, member: Identity
) -> None:
    reply = await seeded.run_text(member, "/ring lookup Greenfield, WI")
    today = reply.after.split("What that date means today:\n", 1)[1].splitlines()
    assert today[0].startswith("- 2021-06-07: Police requests for video are public")
    assert today[1].startswith("- 2024-01-24: Police video requests through Neighbors ended")
    axon = "- April 2025: Reported: Police can again ask Ring users for video, through Axon"
    assert today[2].startswith(axon) and "Source: Ban the Cams" in today[2]
    assert today[-1].startswith("- Today: Only agencies with both a Neighbors Verified account")
    assert "is not public" in today[-1]
    assert "partly confirmed" not in reply.as_text()  # members read 'Reported', not a label
    none = await seeded.run_text(member, "/ring lookup San Francisco, CA")
    assert "San Francisco, CA has no Ring partnership in the EFF Atlas snapshot" in none.text
    assert "2,014 by the end of 2020" in none.text and "Financial Times" in none.text
    nypd = await seeded.run_text(member, "/ring lookup New York City, NY")
    joined = next(f.value for f in nypd.fields if f.name == "New York Police Department, NY")
    assert joined.startswith("Joined Ring's Neighbors police portal on 2022-11-02.")
    assert "Engadget" in joined and "snapshot" not in joined
    local = await seeded.run_text(member, "/local Somerville, MA")
    assert "Somerville, MA" in local.as_text() and "ban" in local.as_text().lower()


async def test_ring_lookup_before_any_import_says_how_to_load_data(
    seeded: Dispatcher, member: Identity
) -> None:
    reply = await seeded.run_text(member, "/ring lookup Greenfield, WI")
    assert reply.error and "\n" not in reply.text
    assert "import-atlas" in reply.text and "/facts import" in reply.text


async def test_confidence_is_shown_to_admins_and_worded_for_members(
    seeded: Dispatcher, member: Identity, admin: Identity
) -> None:
    as_admin = (await seeded.run_text(admin, "/moratorium ring")).as_text()
    assert as_admin.count("[confidence: reported]") == 1
    as_member = (await seeded.run_text(member, "/moratorium ring")).as_text()
    assert "confidence" not in as_member and "partly confirmed" not in as_member
    assert "April 2025: Reported: Ring again let police ask its users for footage" in as_member
    added = await seeded.run_text(
        admin,
        '/facts add-event Ring 2026-03-01 program "Ring said more agencies joined"'
        " https://news.example/more confidence:reported",
    )
    assert not added.error, added.text
    timeline = (await seeded.run_text(member, "/moratorium ring")).as_text()
    assert "Reported: Ring said more agencies joined." in timeline

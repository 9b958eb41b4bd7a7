"""Every status a member reads is the seed's, current to the timeline, and worded with the verb
its fact supports: each company's "Current status" is read back from storage/seed/facts.toml,
not typed again here, and the claims the issue found false are asserted absent."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from places.index import place_index
from storage.db import Database
from storage.seed import SEED_FILE, ensure_seed
from tests.conftest import FIXED_NOW

SEED: dict[str, Any] = tomllib.loads(SEED_FILE.read_text(encoding="utf-8"))


@pytest.fixture
async def seeded(dispatcher: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    await ensure_seed(db, now=FIXED_NOW)
    await place_index(deps).reload()
    return dispatcher


def latest_status(slug: str) -> dict[str, Any]:
    """The seed event that sets the company's status: the latest one carrying a status."""
    events = [e for e in SEED["events"] if e["company"] == slug and e.get("status")]
    return max(events, key=lambda e: e["happened"])


@pytest.mark.parametrize("slug", [c["slug"] for c in SEED["companies"]])
async def test_each_company_status_is_the_seeds_latest(
    seeded: Dispatcher, member: Identity, slug: str
) -> None:
    expected = latest_status(slug)
    reply = await seeded.run_text(member, f"/moratorium {slug}")
    assert not reply.error, reply.text
    status = " ".join(expected["status"].split())
    prefix = "Reported: " if expected.get("confidence") == "reported" else ""
    assert reply.text.startswith(f"Current status: {prefix}{status}"), reply.text
    assert expected["source"]["url"] in reply.text.splitlines()[0]


async def test_members_can_ask_about_google_axon_and_clearview(
    seeded: Dispatcher, member: Identity
) -> None:
    overview = {f.name: f.value for f in (await seeded.run_text(member, "/moratorium")).fields}
    assert {"Google", "Axon", "Clearview AI"} <= set(overview)
    assert "no later reversal found" in overview["Google"]
    # Axon's 2019 pause is no longer its whole position (item 44).
    assert "Edmonton Police Service" in overview["Axon"]
    axon = (await seeded.run_text(member, "/moratorium axon")).fields
    assert [f.name for f in axon] == ["2019-06-27", "2025-12-03"]
    # Clearview's limits were settled in court, never called a voluntary moratorium.
    assert "not a voluntary moratorium" in overview["Clearview AI"]
    assert "five years" in overview["Clearview AI"]


async def test_microsoft_ibm_amazon_name_their_whole_position(
    seeded: Dispatcher, member: Identity
) -> None:
    microsoft = (await seeded.run_text(member, "/moratorium microsoft")).text
    assert "June 2020 pledge" in microsoft and "2024-05-01 Azure OpenAI rule" in microsoft
    ibm = (await seeded.run_text(member, "/moratorium ibm")).text
    assert "general-purpose facial recognition" in ibm and "UK Home Office" in ibm
    amazon = (await seeded.run_text(member, "/moratorium amazon")).text.splitlines()[0]
    assert "face comparison feature in connection with criminal investigations" in amazon
    assert "Moratorium on police use of Rekognition" not in amazon


async def test_ring_face_recognition_is_on_record_and_never_denied(
    seeded: Dispatcher, member: Identity
) -> None:
    assert "sells no face recognition" not in SEED_FILE.read_text(encoding="utf-8")
    overview = (await seeded.run_text(member, "/moratorium")).text
    assert "sells no face recognition" not in overview and "Ring" in overview
    ring = {f.name: f.value for f in (await seeded.run_text(member, "/moratorium ring")).fields}
    familiar = ring["December 2025"]
    assert "Familiar Faces" in familiar and "not a police program" in familiar
    assert "Illinois, Texas or Portland, Oregon" in familiar


@pytest.mark.real_data("seed", "atlas")  # the `db` fixture opens with the export
async def test_a_police_lookup_lists_only_changes_to_police_access(
    seeded: Dispatcher, member: Identity
) -> None:
    reply = await seeded.run_text(member, "/ring lookup Greenfield, WI")
    today = reply.after.split("What that date means today:\n", 1)[1]
    assert "Community Requests" in today and "Familiar Faces" not in today


def test_promises_are_worded_as_what_the_company_said() -> None:
    """A commitment ('will not', 'would') is the company's word: its status says who said it."""
    for event in SEED["events"]:
        status = event.get("status", "")
        if " will not " in f" {status} " or " would " in f" {status} ":
            assert "Said" in status or "said" in status or "pledge" in status, event["key"]


async def test_laws_are_current_and_dated_row_by_row(seeded: Dispatcher, member: Identity) -> None:
    every = await seeded.run_text(member, "/laws")
    as_ofs = sorted(law["as_of"] for law in SEED["laws"] if law.get("as_of"))
    assert "facts as of" not in every.text and "Each row gives its own as-of date" in every.text
    assert as_ofs[-1] in every.text  # the newest as-of the rows carry
    new_york = (await seeded.run_text(member, "/laws NY")).fields[0].value
    assert "Took effect on 2023-09-27; status: in force" in new_york
    assert "Public and private schools may not use facial recognition" in new_york
    illinois = (await seeded.run_text(member, "/laws IL")).fields[0].value
    assert "signed 2024-08-02" in illinois and "(as of 2024-08-05)" in illinois

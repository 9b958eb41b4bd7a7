"""Every reply reads right: a session of every kind of command, as each role, on the seed
and a sample of places, checked for the slips a reader notices first."""

from __future__ import annotations

import re

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Reply, Role
from places.index import place_index
from storage.db import Database
from storage.seed import ensure_seed
from tests.conftest import FIXED_NOW, identity
from tests.facts_sample import load_sample

MEMBER, OTHER = identity(Role.MEMBER, "M1"), identity(Role.MEMBER, "M2")
ORGANIZER, ADMIN = identity(Role.ORGANIZER, "O1"), identity(Role.ADMIN, "A1")

SESSION = [
    (MEMBER, "/help"), (ORGANIZER, "/help"), (ADMIN, "/help"), (MEMBER, "/help campaign create"),
    (MEMBER, "/moratorium"), (MEMBER, "/moratorium amazon"), (MEMBER, "/moratorium ring"),
    (MEMBER, "/ring lookup Greenfield, WI"), (MEMBER, "/ring lookup Milwaukee, WI"),
    (MEMBER, "/ring stats"), (MEMBER, "/ring stats WI"), (MEMBER, "/local Somerville, MA"),
    (MEMBER, "/laws"), (MEMBER, "/laws VA"), (MEMBER, "/letter templates"),
    (ORGANIZER, "/campaign create ring-free \"End the Ring\" 1"),
    (ORGANIZER, "/campaign create amz \"Tell Amazon\" company-moratorium"),
    (MEMBER, "/campaign join ring-free Greenfield, WI"), (OTHER, "/campaign join ring-free"),
    (MEMBER, "/campaign info ring-free"), (MEMBER, "/campaign list"),
    (ORGANIZER, "/campaign stats ring-free"), (ORGANIZER, "/campaign export ring-free"),
    (OTHER, "/campaign leave ring-free"), (ORGANIZER, "/campaign close ring-free"),
    (MEMBER, "/campaign leave ring-free"), (MEMBER, "/campaign info ring-free"),
    (MEMBER, "/follow Greenfield, WI"), (MEMBER, "/following"),
    (ADMIN, "/facts set-partnership \"Greenfield Police Department, WI\" 2019-05-14"
            " https://example.org/map"),
    (ADMIN, "/facts history Greenfield, WI"), (ADMIN, "/facts outbox"),
    (MEMBER, "/facts undo C1"), (ADMIN, "/facts undo C1"),
    (MEMBER, "/unfollow Atlantis, ZZ"), (MEMBER, "/unfollow Greenfield, WI"),
    (MEMBER, "/mydata"), (MEMBER, "/campaign create x Y"), (MEMBER, "/ring stats Atlantis"),
    (ORGANIZER, "/campaign create late Late ends:2027-13-01"),
]  # fmt: skip

SLIPS = [
    (re.compile(r"\(s\)"), "a noun with (s)"),
    (
        re.compile(
            r"(?<![\d,])1 (sign-ups|rows|agencies|laws|partnerships|followers|attempts|facts"
            r"|changes|places|technologies)\b"
        ),
        "a plural after 1",
    ),
    (re.compile(r"\b(?:The|the) (ends|since|date|goal|slug) must\b"), "an option name as a noun"),
    (re.compile(r"[a-z0-9] (Enacted|Took effect|Signed|Source:)"), "a sentence with no full stop"),
    (re.compile(r"\[[A-Z][a-z]+(?: [a-z]+)+\]"), "a bracketed placeholder"),
    (re.compile(r"partly confirmed"), "an internal confidence note"),
    (re.compile(r"Type it that way to follow it"), "a follow hint on unfollow"),
]


def slips(reply: Reply) -> list[str]:
    found = []
    for line in reply.as_text().splitlines():
        found += [f"{what}: {line[:120]!r}" for pattern, what in SLIPS if pattern.search(line)]
        if line.count("(") > line.count(")"):
            found.append(f"a parenthesis left open: {line[:120]!r}")
    return found


@pytest.fixture
async def world(dispatcher: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    await ensure_seed(db, now=FIXED_NOW)
    await load_sample(db)
    await place_index(deps).reload()
    return dispatcher


async def test_every_reply_of_a_session_reads_right(world: Dispatcher) -> None:
    problems = []
    for who, line in SESSION:
        reply = await world.run_text(who, line)
        problems += [f"{line} ({who.role.name.lower()}): {slip}" for slip in slips(reply)]
    assert problems == []


async def test_the_session_is_the_one_meant(world: Dispatcher) -> None:
    """The slips test passes only if the session reaches the replies it means to check."""
    replies = [await world.run_text(who, line) for who, line in SESSION]
    errors = sum(r.error for r in replies)
    assert 6 <= errors <= 12, [r.text[:80] for r in replies if r.error]
    closed_leave = replies[25].text
    assert "It is closed, so it takes no new sign-ups." in closed_leave
    assert "Ends" not in replies[26].as_text()
    assert "You do not follow 'Atlantis, ZZ'" in replies[34].text
    assert replies[24].text == "Closed ring-free with 1 sign-up. It takes no new ones."

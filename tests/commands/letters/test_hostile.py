"""Templates that froze the bot: refused in one line, through the commands, in a worker.

A probe's 3,026-character template (three literal strings of 1,000 characters, joined
into one another) froze every user for 21.4 s at /letter add: Jinja folded the constant
joins at compile time, before any output cap, into a 10^9-character string. A template
that only blew up on a long `signer:` passed /letter add, then froze the bot at
/letter draft. Both are refused now, and neither ever runs on the bot's process.
"""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from commands import build_registry
from storage.letters.models import StoredTemplate
from testkit.hostile_templates import FOLDED_BOMB, SIGNER_BOMB
from tests.conftest import FIXED_NOW

LONG_SIGNER = "W" * 80
JOIN_REFUSED = "join may not take a separator"
HANG_S = 60  # a safety net against a hang (today's code froze here); never asserted


@pytest.fixture
def disp(facts_deps: Deps) -> Dispatcher:
    return Dispatcher(build_registry(), facts_deps)


def test_the_probe_template_is_the_probe_template() -> None:
    assert len(FOLDED_BOMB) == 3026


@pytest.mark.timeout(HANG_S)
async def test_the_folded_join_is_refused_at_add(disp: Dispatcher, organizer: Identity) -> None:
    reply = await disp.run_text(organizer, "/letter add folded " + FOLDED_BOMB)
    assert reply.error
    assert JOIN_REFUSED in reply.text
    assert "\n" not in reply.text.strip()
    listing = await disp.run_text(organizer, "/letter templates")
    assert "folded" not in listing.text


@pytest.mark.timeout(HANG_S)
async def test_a_signer_bomb_is_refused_at_add(disp: Dispatcher, organizer: Identity) -> None:
    reply = await disp.run_text(organizer, "/letter add signer-bomb " + SIGNER_BOMB)
    assert reply.error and JOIN_REFUSED in reply.text


@pytest.mark.timeout(HANG_S)
@pytest.mark.parametrize("body", [SIGNER_BOMB, FOLDED_BOMB])
async def test_a_stored_bomb_fails_only_its_own_draft(
    disp: Dispatcher, facts_deps: Deps, member: Identity, body: str
) -> None:
    """Stored before the rule existed (written straight to the database): each draft is
    refused in one line, five at once too, and the next draft of a good template works."""
    await facts_deps.storage.letters.save(_stored("old-bomb", body))
    await facts_deps.storage.letters.save(_stored("old-good", "Signed, {{ signer }}"))
    line = f'/letter draft old-bomb signer:"{LONG_SIGNER}"'
    replies = [await disp.run_text(member, line) for _ in range(5)]
    for reply in replies:
        assert reply.error
        assert "old-bomb" in reply.text and "no longer passes validation" in reply.text
    good = await disp.run_text(member, f'/letter draft old-good signer:"{LONG_SIGNER}"')
    assert not good.error and good.text == f"Signed, {LONG_SIGNER}\n"


def _stored(name: str, body: str) -> StoredTemplate:
    return StoredTemplate(
        name=name,
        language="en",
        kind="letter",
        title=name,
        purpose="",
        body=body,
        workspace="W1",
        author_platform="test",
        author_id="U-org",
        author_name="user U-org",
        created=FIXED_NOW.isoformat(timespec="seconds"),
    )


@pytest.mark.parametrize("typed", ['signer:"Ana\u200bPérez"', 'recipient:"Mayor\u2060 Ballantyne"'])
async def test_invisible_characters_in_a_signer_are_refused(
    disp: Dispatcher, member: Identity, typed: str
) -> None:
    reply = await disp.run_text(member, f"/letter draft ring-council Greenfield, WI {typed}")
    assert reply.error and "invisible characters" in reply.text

"""`since:` takes a date as every other date option does: YYYY, YYYY-MM or YYYY-MM-DD, worded
at that precision in both languages; a month or year still to begin is refused, the current
one has begun (the clock is the test's: 2026-11-26)."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from commands import build_registry
from tests.conftest import identity

DRAFT = "/letter draft records-request Greenfield, WI"


@pytest.mark.parametrize(
    ("since", "en", "es"),
    [
        ("2019-05", "since May 2019", "desde mayo de 2019"),
        ("2019", "since 2019", "desde 2019"),
        ("2019-05-14", "since May 14, 2019", "desde el 14 de mayo de 2019"),
        ("", "since January 1, 2018", "desde el 1 de enero de 2018"),  # the default
        ("2026-11", "since November 2026", "desde noviembre de 2026"),  # this month has begun
    ],
)
async def test_since_is_worded_at_its_precision(
    facts_deps: Deps, since: str, en: str, es: str
) -> None:
    disp = Dispatcher(build_registry(), facts_deps)
    option = f" since:{since}" if since else ""
    english = await disp.run_text(identity(), DRAFT + option)
    assert not english.error, english.text
    assert english.text.count(en) == 2  # the request logs and the communications
    spanish = await disp.run_text(identity(), DRAFT + option + " language:es")
    assert not spanish.error, spanish.text
    assert spanish.text.count(es) == 2 and "desde el mayo" not in spanish.text


@pytest.mark.parametrize(
    ("since", "refusal"),
    [
        ("2026-12", "since:2026-12 is after today (2026-11-26)"),
        ("2027", "since:2027 is after today (2026-11-26)"),
        ("2019-13", "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
async def test_a_since_still_to_come_or_malformed_is_refused(
    facts_deps: Deps, since: str, refusal: str
) -> None:
    disp = Dispatcher(build_registry(), facts_deps)
    reply = await disp.run_text(identity(), f"{DRAFT} since:{since}")
    assert reply.error and refusal in reply.text

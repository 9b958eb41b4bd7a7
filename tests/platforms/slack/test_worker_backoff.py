"""The pause before a dead Slack worker is restarted: growing, capped, reset once stable."""

from __future__ import annotations

from bot.platforms.slack.workers import FIRST_BACKOFF_S, MAX_BACKOFF_S, STABLE_S, Backoff


def test_quick_deaths_double_the_pause_up_to_the_cap() -> None:
    backoff = Backoff()
    pauses = [backoff.after(lived_s=0.1) for _ in range(12)]
    assert pauses[:3] == [FIRST_BACKOFF_S, FIRST_BACKOFF_S * 2, FIRST_BACKOFF_S * 4]
    assert pauses == sorted(pauses) and pauses[-1] == MAX_BACKOFF_S


def test_a_worker_that_lived_long_restarts_after_the_first_pause_again() -> None:
    backoff = Backoff()
    for _ in range(5):
        backoff.after(lived_s=0.1)
    assert backoff.after(lived_s=STABLE_S) == FIRST_BACKOFF_S

"""The words a screen reader says for a campaign's sign-up chart."""

from __future__ import annotations

from commands.charted import signups_alt_text


def test_sign_ups_over_several_days_read_from_first_to_last() -> None:
    text = signups_alt_text("Ring-free Greenfield", [("2026-11-27", 1), ("2026-11-28", 1200)], 5000)
    assert text == (
        "Line chart of sign-ups to Ring-free Greenfield over time against a goal of 5,000:"
        " from 1 on 2026-11-27 to 1,200 on 2026-11-28."
    )


def test_sign_ups_on_one_day_are_said_once() -> None:
    assert signups_alt_text("Ring-free Greenfield", [("2026-11-28", 2)], 50) == (
        "Line chart of sign-ups to Ring-free Greenfield against a goal of 50:"
        " 2 sign-ups, all on 2026-11-28."
    )
    assert signups_alt_text("Ban the Cams", [("2026-11-28", 1)], 0) == (
        "Line chart of sign-ups to Ban the Cams: 1 sign-up, on 2026-11-28."
    )

"""A campaign's direct messages as each person receives them: an announcement (who it is
from, the organizers' text, how to stop them: the frame in the member's language, the
organizers' text as they wrote it) and the summary its organizers get when it ends.

The outbox holds one row per member with the message in English (what /campaign announce
and /campaign remind queue, and what the confirmation code is made of): a queued message
then never depends on who happened to confirm it, and rows queued before languages existed
read the same. The delivery loop (notifications/delivery.py) says it again in the
recipient's language by recognizing it: the title and text are single-spaced, single-line
text (commands/campaigns/checks.py `plain_text`), so the frame's line breaks and the slug
repeated at its end delimit them exactly. A text that is neither is sent as stored.
"""

from __future__ import annotations

import re

from lexicon.i18n import DEFAULT, _, format_fact_date, ngettext, using

_FRAME = re.compile(
    r"From the organizers of (?P<title>[^\n]*) \((?P<slug>[a-z0-9][a-z0-9-]{1,39})\):\n"
    r"(?P<text>[^\n]*)\n\nYou get this because you joined (?P=slug)\."
    r" To stop these messages: /campaign mute (?P=slug)"
)

_SUMMARY = re.compile(
    r"(?P<title>[^\n]*) \((?P<slug>[a-z0-9][a-z0-9-]{1,39})\) ended on (?P<ends>\d{4}-\d\d-\d\d)"
    r" and closed on (?P<today>\d{4}-\d\d-\d\d): (?P<n>[\d,]+) signed up"
    r" (?:of a goal of (?P<goal>[\d,]+) \(\d+%\)|\(no goal was set\))\."
    r" The sign-ups: /campaign export (?P=slug)"
)


def member_message(title: str, slug: str, text: str) -> str:
    """The message in the current language."""
    return _(
        "From the organizers of {title} ({slug}):\n{text}\n\n"
        "You get this because you joined {slug}. To stop these messages:"
        " /campaign mute {slug}"
    ).format(title=title, slug=slug, text=text)


def stored_message(title: str, slug: str, text: str) -> str:
    """The message as the outbox keeps it: in English, whoever queues it."""
    with using(DEFAULT):
        return member_message(title, slug, text)


def summary_message(title: str, slug: str, ends: str, today: str, n: int, goal: int | None) -> str:
    """The organizers' message when a campaign's end date passed, in the current language."""
    days = {"ends": _day(ends), "today": _day(today)}
    if goal:
        share = round(100 * n / goal)
        text = ngettext(
            "{title} ({slug}) ended on {ends} and closed on {today}: {n:,} signed up of a goal"
            " of {goal:,} ({share}%). The sign-ups: /campaign export {slug}",
            "{title} ({slug}) ended on {ends} and closed on {today}: {n:,} signed up of a goal"
            " of {goal:,} ({share}%). The sign-ups: /campaign export {slug}",
            n,
        )
        return text.format(title=title, slug=slug, n=n, goal=goal, share=share, **days)
    text = ngettext(
        "{title} ({slug}) ended on {ends} and closed on {today}: {n:,} signed up (no goal"
        " was set). The sign-ups: /campaign export {slug}",
        "{title} ({slug}) ended on {ends} and closed on {today}: {n:,} signed up (no goal"
        " was set). The sign-ups: /campaign export {slug}",
        n,
    )
    return text.format(title=title, slug=slug, n=n, **days)


def stored_summary(title: str, slug: str, ends: str, today: str, n: int, goal: int | None) -> str:
    """The summary as the outbox keeps it: in English."""
    with using(DEFAULT):
        return summary_message(title, slug, ends, today, n, goal)


def in_current_language(stored: str) -> str:
    """A stored announcement or summary in the current language; any other text as is."""
    if found := _FRAME.fullmatch(stored):
        return member_message(found["title"], found["slug"], found["text"])
    if found := _SUMMARY.fullmatch(stored):
        goal = int(found["goal"].replace(",", "")) if found["goal"] else None
        n = int(found["n"].replace(",", ""))
        return summary_message(
            found["title"], found["slug"], found["ends"], found["today"], n, goal
        )
    return stored


def _day(iso: str) -> str:
    return format_fact_date(iso, "day", iso_days=True)

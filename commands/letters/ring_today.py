"""What a Ring partnership date means today, for a letter: the same facts as /ring lookup.

`commands.facts.ring_era` picks the changes to police access since the snapshot (and who
may take part today) from Ring's dated, sourced timeline; this module words them in the
letter's language (the stored Spanish, never the English text).
"""

from __future__ import annotations

from commands.facts.ring_era import WHO_TAKES_PART_KEY, since_snapshot, snapshot_date
from commands.letters.dates import date_text
from commands.letters.views import event_view
from places.lookup_facts import LookupFacts


def ring_today(facts: LookupFacts, language: str, joined: str = "") -> list[dict[str, object]]:
    """One dated, sourced item per change since the snapshot, then who may take part today.

    `later` says whether a change came after `joined` (the agency's partnership date, ISO):
    only those changed the program "since then"; earlier ones are the context it joined in.
    """
    events = list(since_snapshot(facts))
    who = next((e for e in facts.ring_timeline if e.key == WHO_TAKES_PART_KEY), None)
    if who is not None and events:
        events.append(who)
    items = []
    for event in events:
        view = event_view(event, language)
        items.append(
            {
                "date": view["date"],
                "when": view["when"],
                "text": view["status"] or view["summary"],
                "source": view["source"],
                "source_url": view["source_url"],
                "today": event.key == WHO_TAKES_PART_KEY,
                "later": event.key == WHO_TAKES_PART_KEY or _after(event.happened, joined),
            }
        )
    return items


def snapshot_as_of(facts: LookupFacts, language: str) -> str:
    """The snapshot's date in words ('' when none is loaded)."""
    iso = snapshot_date(facts)
    return date_text(iso, "day", language) if iso else ""


def _after(happened: str, joined: str) -> bool:
    """Whether an event came after the partnership date. Compared at the coarser of the two
    precisions (a prefix): an event in the month an agency joined is not called later."""
    if not joined:
        return True
    width = min(len(happened), len(joined))
    return happened[:width] > joined[:width]

"""What a Ring partnership date means today.

The per-agency dates come from one snapshot (the EFF Atlas export of 2020-10-07): the day an
agency joined Ring's Neighbors police portal. Much changed after it, and every answer that
shows such a date says so, from Ring's dated, sourced timeline in the facts database: how
complete the snapshot is, and each change to police access since (video requests ended in
January 2024, Axon "Community Requests" since 2025, ...). Nothing here is written into the
code but which timeline entry holds Ring's own count of partners.
"""

from __future__ import annotations

from commands.facts.text import cite, date_text, day_text, event_text, when
from lexicon.i18n import _, ngettext
from places.lookup_facts import LookupFacts
from storage.facts.models import ATLAS_DATASET, CompanyEvent, Deployment

# Two timeline entries (seed facts) have a place of their own in an answer: Ring's own count
# of partners by the end of 2020, and who may use Community Requests today.
RING_COUNT_KEY = "ring:2021-02:2020-counts"
WHO_TAKES_PART_KEY = "ring:2025:community-requests-agencies"
# Events that change police access; a settlement or a note about the data does not.
_NOT_ACCESS = frozenset({"settlement", "other"})


def snapshot_date(facts: LookupFacts) -> str:
    atlas = facts.datasets.get(ATLAS_DATASET)
    return atlas.as_of if atlas else ""


def from_snapshot(facts: LookupFacts, deployment: Deployment) -> bool:
    """Whether a partnership row is the snapshot's own (not a later fact or an admin's)."""
    return bool(snapshot_date(facts)) and deployment.as_of == snapshot_date(facts)


def since_snapshot(facts: LookupFacts) -> list[CompanyEvent]:
    """Changes to Ring's police program after the snapshot, oldest first. With no snapshot
    loaded there is no date to count from: only the current status is shown."""
    cutoff = snapshot_date(facts)
    if not cutoff:
        return [facts.ring_status] if facts.ring_status else []
    special = (RING_COUNT_KEY, WHO_TAKES_PART_KEY)
    return [
        e
        for e in facts.ring_timeline
        if e.kind not in _NOT_ACCESS and e.happened > cutoff and e.key not in special
    ]


def era_lines(facts: LookupFacts) -> list[str]:
    """'What that date means today': one dated, sourced line per change since the snapshot,
    then who may take part today."""
    lines = [_dated(e) for e in since_snapshot(facts)]
    who = next((e for e in facts.ring_timeline if e.key == WHO_TAKES_PART_KEY), None)
    if who is not None and lines:
        lines.append(
            _("Today: {text} {source}").format(text=event_text(who), source=cite(who.source))
        )
    return lines


def _dated(event: CompanyEvent) -> str:
    return f"{date_text(event.happened, event.precision)}: {event_text(event)} {cite(event.source)}"


def coverage_line(facts: LookupFacts) -> str:
    """How much of Ring's partner list the snapshot holds, so 'no row' is read rightly."""
    if not snapshot_date(facts):
        return _(
            "No EFF Atlas snapshot is loaded, so agencies that partnered by 2020 are not shown."
        )
    latest = facts.snapshot_latest
    day, n = day_text(snapshot_date(facts)), facts.snapshot_agencies
    if latest is not None and latest.started:
        text = ngettext(
            "The EFF Atlas snapshot of {day} lists {n:,} agency, the latest joining {when};"
            " agencies that joined later are not in it.",
            "The EFF Atlas snapshot of {day} lists {n:,} agencies, the latest joining {when};"
            " agencies that joined later are not in it.",
            n,
        ).format(day=day, n=n, when=when(latest.started, latest.started_precision))
    else:
        text = ngettext(
            "The EFF Atlas snapshot of {day} lists {n:,} agency; agencies that joined later"
            " are not in it.",
            "The EFF Atlas snapshot of {day} lists {n:,} agencies; agencies that joined later"
            " are not in it.",
            n,
        ).format(day=day, n=n)
    count = next((e for e in facts.ring_timeline if e.key == RING_COUNT_KEY), None)
    if count is not None:
        text += " " + _("For comparison: {text} {source}").format(
            text=event_text(count), source=cite(count.source)
        )
    return text

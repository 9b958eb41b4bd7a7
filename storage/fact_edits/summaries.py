"""The audit log's summaries of facts, kept as structure (lexicon/stored.py): said at reply
time in the reader's language, in English exactly as they were always written."""

from __future__ import annotations

from lexicon.i18n import N_
from lexicon.stored import Field, code, date, store, tech


def law_summary(place: str, kind: str, enacted: str, status: str) -> str:
    """'Madison, WI: ban of 2020-12, in-force'."""
    return store(
        N_("{place}: {kind} of {enacted}, {status}"),
        place=place, kind=code(kind), enacted=date(enacted), status=code(status),
    )  # fmt: skip


def deployment_summary(who: str, technology: str, started: str | None, ended: str | None) -> str:
    """'Greenfield Police Department, WI: Ring/Neighbors Partnership since 2018-03-22,
    ended 2024-01-24', with whichever dates are on record."""
    fields: dict[str, Field] = {"who": who, "technology": tech(technology)}
    if started and ended:
        return store(
            N_("{who}: {technology} since {since}, ended {ended}"),
            since=date(started), ended=date(ended), **fields,
        )  # fmt: skip
    if started:
        return store(N_("{who}: {technology} since {since}"), since=date(started), **fields)
    if ended:
        return store(N_("{who}: {technology}, ended {ended}"), ended=date(ended), **fields)
    return store(N_("{who}: {technology}"), **fields)


def _reach(reach: str) -> str:
    return f" ({reach})" if reach else ""


def body_summary(place: str, name: str, reach: str, as_of: str, was: str = "") -> str:
    """'Greenfield, WI: governed by Greenfield Common Council (as of 2024-05-01)'; `was`, the
    body it replaces."""
    fields: dict[str, Field] = {
        "place": place,
        "name": name,
        "reach": _reach(reach),
        "day": date(as_of),
    }
    if was:
        return store(
            N_("{place}: governed by {name}{reach} (as of {day}), was {old}"), old=was, **fields
        )
    return store(N_("{place}: governed by {name}{reach} (as of {day})"), **fields)


def official_summary(
    place: str, title: str, name: str, reach: str, as_of: str, was: str = ""
) -> str:
    """'Greenfield, WI: Council Member Ana Pérez (as of 2024-05-01)'; `was`, the title and
    name it replaces."""
    fields: dict[str, Field] = {
        "place": place, "title": title, "name": name, "reach": _reach(reach), "day": date(as_of),
    }  # fmt: skip
    if was:
        return store(
            N_("{place}: {title} {name}{reach} (as of {day}), was {old}"), old=was, **fields
        )
    return store(N_("{place}: {title} {name}{reach} (as of {day})"), **fields)

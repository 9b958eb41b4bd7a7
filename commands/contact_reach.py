"""How to reach a governing body, as /contact shows it: its public web page, email and phone
and a public meeting, each from the source that named the body, with its as-of date. A
meeting day before today is shown as past, never as the next one: the record cannot tell
whether another has been called since."""

from __future__ import annotations

import datetime as dt

from lexicon.i18n import _
from storage.officials.models import StoredBody


def body_reach(body: StoredBody | None, today: dt.date) -> str:
    """' Public contact on record (as of ..., B1): <web>, <email>, <phone>. Next public
    meeting: ...', or '' when nothing beyond the body's name is on record."""
    if body is None:
        return ""
    parts = [_meeting(body, today)] if body.meeting_on else []
    if body.reach:
        parts.insert(0, _("Public contact on record: {reach}.").format(reach=body.reach))
    if not parts:
        return ""
    sourced = _("(source as above: as of {as_of}, B{id})").format(as_of=body.as_of, id=body.id)
    return " " + " ".join(parts) + " " + sourced


def _meeting(body: StoredBody, today: dt.date) -> str:
    where = f", {body.meeting_place}" if body.meeting_place else ""
    if body.meeting_on < today.isoformat():
        return _("Last recorded public meeting: {day}{where} (past).").format(
            day=body.meeting_on, where=where
        )
    return _("Next public meeting on record: {day}{where}.").format(
        day=body.meeting_on, where=where
    )

"""Strict checks of what an admin typed: admin edits never guess."""

from __future__ import annotations

import datetime as dt
import re
from typing import cast

from bot.core.deps import Deps
from bot.core.errors import UserError
from lexicon.dates import partial_date, period_start
from lexicon.i18n import _
from lexicon.sources import source_url_problem
from storage.fact_edits.models import FactKind, FactRef

_FACT_ID = re.compile(r"^([DELBO])(\d{1,12})$", re.IGNORECASE)
_CHANGE_ID = re.compile(r"^C?(\d{1,12})$", re.IGNORECASE)


def source_url(text: str) -> str:
    """An http(s) URL with a host, at most MAX_URL characters, no spaces."""
    url = text.strip()
    problem = source_url_problem(url)
    if problem:
        raise UserError(f"{problem}.")  # a sentence in the asker's language
    return url


def past_date(deps: Deps, value: object, what: str) -> str:
    """A date (the option layer checked its form: a calendar date, or YYYY, YYYY-MM or
    YYYY-MM-DD as the source gives it) that is not in the future. Kept at its precision.
    `what` names the date, marked N_ by the caller ("start date")."""
    if isinstance(value, dt.date):
        value = value.isoformat()
    if not isinstance(value, str) or partial_date(value) is None:
        raise UserError(_("The {what} must be a date like 2020-06-10.").format(what=_(what)))
    if period_start(value) > deps.today():
        raise UserError(
            _("The {what} {value} is in the future; facts record what happened.").format(
                what=_(what), value=value
            )
        )
    return value


def fact_id(text: str) -> FactRef:
    """'D123' -> FactRef('D', 123); E for company events, L for laws, B for governing
    bodies, O for officials."""
    match = _FACT_ID.match(text.strip())
    if match is None:
        raise UserError(
            _(
                "{typed!r} is not a fact id: use D123 (deployment or partnership),"
                " E45 (company event), L7 (law), B12 (governing body) or O7 (official), as shown"
                " in answers and /facts history."
            ).format(typed=text.strip()[:20])
        )
    return FactRef(cast(FactKind, match.group(1).upper()), int(match.group(2)))


def change_id(text: str) -> int:
    match = _CHANGE_ID.match(text.strip())
    if match is None:
        raise UserError(
            _("{typed!r} is not a change id: use C12, as /facts history shows.").format(
                typed=text.strip()[:20]
            )
        )
    return int(match.group(1))

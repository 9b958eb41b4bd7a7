"""Wording shared by the fact commands: dates at their real precision, sources, as-of lines."""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.errors import UserError
from commands.facts.fact_words import event_status, law_note, law_scope, reported
from lexicon.dates import precision_of
from lexicon.i18n import N_, _, format_fact_date, ngettext
from lexicon.states import STATES, state_code
from storage.facts.models import ATLAS_DATASET, CompanyEvent, Dataset, Deployment, Law, Source

ATLAS_NAME = N_("EFF Atlas of Surveillance snapshot")  # said with _(ATLAS_NAME)
ATLAS_HOME = "https://atlasofsurveillance.org/"  # EFF and the UNR Reynolds School of Journalism


def date_text(iso: str | None, precision: str | None = None) -> str:
    """'2020-06-10', 'September 2020' or '2019': never a day the data does not know."""
    if not iso:
        return _("date unknown")
    precision = precision or precision_of(iso)  # an admin's '2019-05' is known to the month
    try:  # English shows a day as its ISO date, as it always has; Spanish in words
        return format_fact_date(iso, precision, iso_days=True)
    except (ValueError, IndexError):
        return iso[:7] if precision == "month" else iso[:10]


def when(iso: str | None, precision: str | None = None) -> str:
    """'on 2020-06-10', 'in September 2020', 'in 2019', or 'on a date not on record'."""
    if not iso:
        return _("on a date not on record")
    precision = precision or precision_of(iso)
    text = date_text(iso, precision)
    # TRANSLATORS: a day ("on 2020-06-10"); the next one a month or a year ("in 2019").
    said = _("on {date}") if precision == "day" else _("in {date}")
    return said.format(date=text)


def day_text(iso: str) -> str:
    """A recorded day (a snapshot's, an as-of): its ISO date in English, as always; in words
    in other languages ('7 de octubre de 2020')."""
    return date_text(iso, "day") if iso else iso


def and_more(more: int) -> str:
    """'; and 3 more', after a list cut short."""
    return ngettext("; and {n} more", "; and {n} more", more).format(n=more)


def cite(source: Source) -> str:
    return _("Source: {source}").format(source=source.cite())


def event_text(event: CompanyEvent) -> str:
    """What an event says (its status, else its summary) in the reply's language, worded as
    reported when a detail of it is not confirmed."""
    return reported(event_status, event) if event.reported else event_status(event)


def status_line(event: CompanyEvent) -> str:
    """A company's status as of an event: what, since when, source and as-of."""
    return _("{status} (since {since}). {source} (as of {as_of}).").format(
        status=event_text(event)[:-1],
        since=date_text(event.happened, event.precision),
        source=cite(event.source),
        as_of=day_text(event.as_of),
    )


NO_ATLAS_HINT = N_(
    "No surveillance data is loaded yet: an admin imports the EFF Atlas export with"
    " `python main.py import-atlas FILE` or /facts import."
)


def atlas_as_of(datasets: Mapping[str, Dataset]) -> str:
    """'as of 2020-10-07, EFF Atlas of Surveillance snapshot', or why there is none."""
    atlas = datasets.get(ATLAS_DATASET)
    if atlas is None:
        return _("no EFF Atlas data has been imported")
    return _("as of {day}, {atlas}").format(day=day_text(atlas.as_of), atlas=_(ATLAS_NAME))


def deployment_line(deployment: Deployment, *, with_agency: bool = True) -> str:
    """One technology of one agency: what, since when, ended or not, source and as-of."""
    parts = []
    if with_agency:
        parts.append(f"{deployment.agency.name}, {deployment.agency.state}:")
    if deployment.vendor and deployment.vendor.lower() not in deployment.technology.lower():
        parts.append(_("vendor {vendor};").format(vendor=deployment.vendor))
    parts.append(_dated(deployment))
    parts.append(
        _("{source} (as of {as_of}).").format(
            source=cite(deployment.source), as_of=day_text(deployment.as_of)
        )
    )
    return " ".join(parts)


def _dated(deployment: Deployment) -> str:
    """'on record in 2019, ended on 2021-02-03.': when it began and ended, where known."""
    started = when(deployment.started, deployment.started_precision)
    if deployment.ended:
        ended = when(deployment.ended)
        if deployment.started:
            return _("on record {when}, ended {ended}.").format(when=started, ended=ended)
        return _("start date not on record, ended {ended}.").format(ended=ended)
    if deployment.started:
        return _("on record {when}.").format(when=started)
    return _("start date not on record.")


_STATUS = {
    "in-force": N_("in force"),
    "expired": N_("expired"),
    "repealed": N_("repealed"),
    "reversed": N_("reversed"),
    "partly-reversed": N_("partly reversed"),
    "pending": N_("pending (not yet in force)"),
}
_KIND = {
    "ban": N_("Ban"),
    "moratorium": N_("Moratorium"),
    "oversight": N_("Oversight rule"),
    "regulation": N_("Regulation"),
    "other": N_("Measure"),
}
# A law's date and what it means; every kind of law is feminine in Spanish (prohibición,
# moratoria, norma, regulación, medida), so one wording serves them all.
_DATE_MEANS = {
    "enacted": N_("Enacted {when}"),
    "signed": N_("Signed {when}"),
    "voted": N_("Voted {when}"),
    "effective": N_("Took effect {when}"),
}


def law_status(law: Law) -> str:
    status = _STATUS.get(law.status)
    text = _(status) if status else law.status
    if law.status_changed and law.status != "in-force":
        text += f" {when(law.status_changed)}"
    note = law_note(law)
    if note:
        text += f" ({note})"
    return text


def as_reported(law: Law) -> bool:
    """Whether the row is the IFF table's word of May 2021, imported as it was."""
    return bool(law.reported_by)


def law_line(law: Law, *, with_place: bool = False) -> str:
    """'Ban: <scope>. Enacted on <date>; status: in force. Source ... (as of ...).' With
    `with_place`, whose law it is comes first (a list mixing city, county and state laws)."""
    kind = _KIND.get(law.kind)
    what = _(kind) if kind else law.kind.capitalize()
    scope = law_scope(law)
    if scope:  # stored text, in the reply's language; left out where none was written
        what += f": {scope}"
    if as_reported(law):
        # The table gives a "date of action" (a vote, a signature, an introduction): which
        # one was never checked, so it is not called the day the law was enacted.
        dated = _("Date of action in that table: {date}").format(
            date=date_text(law.enacted, law.enacted_precision)
        )
    else:
        means = _DATE_MEANS.get(law.enacted_means, _DATE_MEANS["enacted"])
        dated = _(means).format(when=when(law.enacted, law.enacted_precision))
    place = f"{law.jurisdiction}: " if with_place else ""
    line = _("{what}. {dated}; status: {status}. {source} (as of {as_of}).").format(
        what=what,
        dated=dated,
        status=law_status(law),
        source=cite(law.source),
        as_of=day_text(law.as_of),
    )
    return place + line


def parse_state(text: str) -> str:
    """A state given by code or name, or a clear UserError."""
    code = state_code(text)
    if code is None:
        raise UserError(
            _("{typed!r} is not a US state; use a code like WI or a name like Wisconsin.").format(
                typed=text.strip()[:40]
            )
        )
    return code


def state_label(code: str) -> str:
    return f"{STATES.get(code, code)} ({code})" if code else _("state unknown")

"""The project's own facts CSV: partnerships, company events and laws, one per line.

    fact,subject,state,city,date,kind,status,summary,source_url,create

See docs/data.md ("Facts CSV format"). Parsing is pure (no database); agencies and companies
are checked against the database by the write step, which reports the same line numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lexicon.dates import partial_date, period_start
from lexicon.i18n import _
from lexicon.sources import source_url_problem
from lexicon.states import state_code
from storage.importers.cells import field_problem
from storage.importers.issues import MAX_ERRORS, Issue
from storage.importers.upload import read_upload

COLUMNS = ("fact", "subject", "state", "city", "date", "kind", "status", "summary", "source_url")
OPTIONAL_COLUMNS = ("create",)
FACTS = ("partnership", "event", "law")
EVENT_KINDS = frozenset(
    {"moratorium", "extension", "moratorium-ended", "exit", "restriction", "shutdown"}
    | {"program", "settlement", "other"}
)
LAW_KINDS = frozenset({"ban", "moratorium", "oversight", "regulation", "other"})
LAW_STATUSES = frozenset(
    {"in-force", "expired", "repealed", "partly-reversed", "reversed", "pending"}
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class FactRow:
    line: int
    fact: str
    subject: str
    state: str
    city: str
    date: str
    kind: str
    status: str
    summary: str
    source_url: str
    create: bool


@dataclass
class FactsParse:
    rows: list[FactRow] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)


def is_facts_header(header: list[str]) -> bool:
    return [h.strip().lower() for h in header[: len(COLUMNS)]] == list(COLUMNS)


def parse_facts_csv(data: bytes | str, *, today: dt.date, max_bytes: int) -> FactsParse:
    parsed = FactsParse()
    table = read_upload(data, max_bytes=max_bytes)
    if isinstance(table, Issue):
        parsed.errors.append(table)
        return parsed
    header = [h.lower() for h in table.header]
    extra = [h for h in header[len(COLUMNS) :] if h not in OPTIONAL_COLUMNS]
    if not is_facts_header(header) or extra:
        parsed.errors.append(
            Issue(1, _("the columns must be: {columns}[,create]").format(columns=",".join(COLUMNS)))
        )
        return parsed
    for line, fields in table.records:
        if len(parsed.errors) >= MAX_ERRORS:
            break
        if len(fields) != len(header):
            parsed.errors.append(
                Issue(
                    line,
                    _("{n} fields; expected {expected}").format(
                        n=len(fields), expected=len(header)
                    ),
                )
            )
            continue
        problem = next(
            (p for n, v in zip(header, fields, strict=True) if (p := field_problem(n, v))), None
        )
        if problem:
            parsed.errors.append(Issue(line, problem))
            continue
        values = dict(zip(header, (" ".join(f.split()) for f in fields), strict=True))
        row, error = _row(line, values, today)
        if error:
            parsed.errors.append(Issue(line, error))
        elif row is not None:
            parsed.rows.append(row)
    if not parsed.errors and not parsed.rows:
        parsed.errors.append(Issue(None, _("the file has a header but no rows")))
    return parsed


def _row(line: int, v: dict[str, str], today: dt.date) -> tuple[FactRow | None, str]:
    fact = v["fact"].lower()
    if fact not in FACTS:
        return None, _("fact must be one of {facts}, got {typed!r}").format(
            facts=", ".join(FACTS), typed=v["fact"][:20]
        )
    if not v["subject"]:
        return None, _("subject is empty")
    date_error = _date_problem(v["date"], today)
    if date_error:
        return None, date_error
    url_error = source_url_problem(v["source_url"], column="source_url")
    if url_error:
        return None, url_error
    state = ""
    if v["state"]:
        state = state_code(v["state"]) or ""
        if not state:
            return None, _("{typed!r} is not a US state code").format(typed=v["state"][:20])
    kind, status = v["kind"].lower(), v["status"]
    if fact == "partnership" and not state:
        return None, _("a partnership needs the agency's state")
    if fact == "event" and kind not in EVENT_KINDS:
        return None, _("event kind must be one of {kinds}").format(
            kinds=", ".join(sorted(EVENT_KINDS))
        )
    if fact == "event" and not v["summary"]:
        return None, _("an event needs a summary")
    if fact == "law" and kind not in LAW_KINDS:
        return None, _("law kind must be one of {kinds}").format(kinds=", ".join(sorted(LAW_KINDS)))
    if fact == "law" and status.lower() not in LAW_STATUSES:
        return None, _("law status must be one of {statuses}").format(
            statuses=", ".join(sorted(LAW_STATUSES))
        )
    create = v.get("create", "").lower()
    if create not in ("", "yes", "no"):
        return None, _("create must be yes, no or empty")
    row = FactRow(
        line, fact, v["subject"], state, v["city"], v["date"], kind,
        status.lower() if fact == "law" else status, v["summary"], v["source_url"],
        create == "yes",
    )  # fmt: skip
    return row, ""


def _date_problem(text: str, today: dt.date) -> str:
    """At the precision the source gives, as commands take it: YYYY, YYYY-MM or YYYY-MM-DD
    (kept so: "in May 2019" is never stored as May 1). A year or month still to begin is
    in the future; the current one has begun."""
    if _ISO.match(text) and partial_date(text) is None:
        return _("{text} is not a real calendar date").format(text=text)
    if partial_date(text) is None:
        return _("date must be YYYY, YYYY-MM or YYYY-MM-DD, got {typed!r}").format(typed=text[:20])
    return _("{text} is in the future").format(text=text) if period_start(text) > today else ""

"""What the whole-session checks leave out, and why: each line of the transcript is checked
once what is listed here is taken out of it.

Two kinds:
- `PENDING`: English that other work converts (issue 24), by area and the branch that owns
  it: sources' names, chart labels, the console's own lines and the lines /mydata lists
  inside its sections (es-lines). The lead empties this allow-list as each lands; an area
  taken out of it is checked at once (the facts' own text, facts-es, landed: checked).
- data, in every language and for good: names of places, agencies, laws' jurisdictions,
  companies and people (`Known.words`, read from the database), what the session's people
  typed (`TYPED`, and the words of the line itself), links, command and option names, usage
  and examples (what a member types); and in the pseudo-locale only, what is said in a
  language qps cannot be: a drafted letter and a campaign card (`pseudo_only`), and the
  facts' own text (stored per language, English and Spanish, never a catalog string:
  `facts_out`).
Numbers and ISO dates hold no words: nothing to exempt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from places.governing import rules
from storage.sql import Db, Row
from tests.commands.i18n.session_script import ROLES


@dataclass(frozen=True)
class Known:
    """The stored English the pending areas say, read from the session's database."""

    facts: tuple[str, ...] = ()  # summaries, statuses, law scopes and status notes (English)
    publishers: tuple[str, ...] = ()  # sources' names and titles, the governing rules' too
    words: frozenset[str] = field(default_factory=frozenset)  # every name in the data


def _longest_first(texts: set[str]) -> tuple[str, ...]:
    """So that a longer text is taken out before a part of it."""
    return tuple(sorted((t for t in texts if t), key=len, reverse=True))


def _column(rows: Sequence[Row], index: int = 0) -> set[str]:
    return {str(row[index]) for row in rows}


async def read_known(db: Db) -> Known:
    events = await db.fetchall("SELECT summary, status FROM company_events")
    laws = await db.fetchall("SELECT scope, status_note FROM laws")
    facts = {t.rstrip(".") for r in [*events, *laws] for t in map(str, tuple(r))}
    sources = await db.fetchall("SELECT publisher, title FROM sources")
    names = await db.fetchall(
        "SELECT a.name, a.city, a.county, a.state, COALESCE(d.vendor, '') FROM agencies a"
        " LEFT JOIN deployments d ON d.agency_id = a.id"
        " UNION SELECT jurisdiction, city, county, state, '' FROM laws"
        " UNION SELECT name, slug, '', '', '' FROM companies"
    )
    words = {w for row in names for text in map(str, tuple(row)) for w in WORD.findall(text)}
    return Known(
        facts=_longest_first(facts),
        publishers=_longest_first(
            _column(sources) | _column(sources, 1) | {rule.publisher for rule in rules()}
        ),
        words=frozenset(words | set(ROLES) | {"console"}),
    )


WORD = re.compile(r"[A-Za-z]{2,}")
# The console's own lines (bot/platforms/console/): "[saved <file> (N bytes)]", "[it names
# N members: ...]", "Now typing as ...", "[message for NAME] " before a delivered message,
# what /help adds at the console ("At the console: ...").
_CONSOLE = re.compile(
    r"^\[saved [^\]]*\]$|^\[it names [^\]]*\]$|^Now typing as .*$|^\[message for [^\]]*\] "
    r"|^\[card updated\]$|^At the console: .*$"
)
# What /mydata and /forgetme list inside each section, as each storage domain words it
# ('vote (...) in workspace console: signed up ...', 'You follow ...', '1 campaign message
# from its organizers addressed to you').
_MYDATA = re.compile(
    r"\S+ \(.*\) in workspace \S+: signed up .*$|You follow .*$"
    r"|[\d,]+ (?:campaign|follow) .* addressed to you.*$"
)
# A chart's alt text, printed by the console under the saved picture (charts/, commands/).
_CHART = re.compile(r"^\[(?:Bar|Line) chart of .*\]$")


# A citation's dates as stored: 'Ring, 2018-03-22: <url>', a governing rule's '(datos al
# 2026-12-07)'.
_CITED_DATE = re.compile(r", \d{4}(?:-\d{2}){0,2}:|\(datos al \d{4}-\d{2}-\d{2}\)")


def _cited(line: str, known: Known) -> str:
    return _CITED_DATE.sub("", _strip(line, known.publishers))


def _strip(line: str, texts: tuple[str, ...]) -> str:
    for text in texts:
        if text in line:
            line = line.replace(text, "")
    return line


@dataclass(frozen=True)
class Pending:
    area: str
    owner: str  # the branch that converts it
    take_out: Callable[[str, Known], str]


# The allow-list: English the session shows today from areas other branches convert.
PENDING: tuple[Pending, ...] = (
    Pending("source citations", "pending es-lines", lambda line, k: _cited(line, k)),
    Pending("chart labels", "pending es-lines", lambda line, k: _CHART.sub("", line)),
    Pending("console lines", "pending es-lines", lambda line, k: _CONSOLE.sub("", line)),
    Pending("/mydata's inner lines", "pending es-lines", lambda line, k: _MYDATA.sub("", line)),
)


def facts_out(line: str, known: Known) -> str:
    """In the pseudo-locale: the facts' stored text taken out (data there)."""
    return _strip(line, known.facts)


def pending_taken_out(line: str, known: Known) -> str:
    for area in PENDING:
        line = area.take_out(line, known)
    return line


# Data in every language: what the session's people typed (a campaign's title, a message).
TYPED = ("Vote no on Ring", "Hearing Tuesday", "America/Chicago")
# In the pseudo-locale only: a letter is written from its template in a letter's language
# (en or es, never qps: commands/letters/), and a campaign card in its campaign's language
# (en or es: /campaign language). The Spanish run checks both line by line.
_LETTER_SAVED = re.compile(r"^\[saved counterwatch-out/\S+-(?:en|es)\.txt ", re.MULTILINE)


def pseudo_only(command: str, text: str) -> bool:
    """Whether what `command` printed is said in a language qps cannot be (above): a drafted
    letter (a refused draft is said in the member's language, and checked), a card."""
    if command == "/letter draft":
        return bool(_LETTER_SAVED.search(text))
    return command == "/campaign post"

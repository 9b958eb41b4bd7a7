"""What the whole-session checks leave out, and why: each line of the transcript is checked
once what is listed here is taken out of it.

Two kinds:
- `PENDING`: English that other work converts (issue 24), by area and the branch that owns
  it; emptied as each lands (the facts' own text with facts-es; chart labels, the console's
  own lines and /mydata's inner lines with es-lines: all landed, so it is empty now).
- data, in every language and for good: names of places, agencies, laws' jurisdictions,
  companies and people (`Known.words`, read from the database), sources' names (an outlet,
  a page's or a statute's title: `names_out`) and saved files' names, what the session's people
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

from lexicon.sources import outlet
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
    publishers = _column(sources) | _column(sources, 1) | {rule.publisher for rule in rules()}
    names = await db.fetchall(
        "SELECT a.name, a.city, a.county, a.state, COALESCE(d.vendor, '') FROM agencies a"
        " LEFT JOIN deployments d ON d.agency_id = a.id"
        " UNION SELECT jurisdiction, city, county, state, '' FROM laws"
        " UNION SELECT name, slug, '', '', '' FROM companies"
    )
    words = {w for row in names for text in map(str, tuple(row)) for w in WORD.findall(text)}
    return Known(
        facts=_longest_first(facts),
        publishers=_longest_first({n for name in publishers for n in (name, outlet(name))}),
        words=frozenset(words | set(ROLES) | {"console"}),
    )


WORD = re.compile(r"[A-Za-z]{2,}")
# A file the console saved, by its name (a slug and a date): data.
_SAVED_FILE = re.compile(r"counterwatch-out/\S+")


def _strip(line: str, texts: tuple[str, ...]) -> str:
    for text in texts:
        if text in line:
            line = line.replace(text, "")
    return line


def names_out(line: str, known: Known) -> str:
    """The line less the names of sources (an outlet's, a page's, a statute's title) and of
    the files the console saved: data in every language."""
    return _SAVED_FILE.sub("", _strip(line, known.publishers))


@dataclass(frozen=True)
class Pending:
    area: str
    owner: str  # the branch that converts it
    take_out: Callable[[str, Known], str]


# The allow-list: English the session shows today from areas other branches convert. Empty:
# what it held when the test was written has landed (the facts' own text with facts-es;
# chart labels, the console's own lines, /mydata's inner lines and sources cited by their
# outlet with es-lines). An area found later goes here, e.g.
# Pending("chart labels", "pending es-lines", lambda line, k: CHART.sub("", line)).
PENDING: tuple[Pending, ...] = ()


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
_LETTER_SAVED = re.compile(r"counterwatch-out/\S+-(?:en|es)\.txt\b")


def pseudo_only(command: str, text: str) -> bool:
    """Whether what `command` printed is said in a language qps cannot be (above): a drafted
    letter (a refused draft is said in the member's language, and checked), a card."""
    if command == "/letter draft":
        return bool(_LETTER_SAVED.search(text))
    return command == "/campaign post"

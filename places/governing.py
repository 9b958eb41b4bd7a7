"""Who governs a jurisdiction's police: sourced rules (places/governing.toml), or honestly
unknown.

A rule names a body only where a statute or an official page names it; everywhere else the
letter goes to "the governing body of <place>" and the organizer is told how to name it
(`recipient:`). Never a guessed title: "Board of Commissioners" was wrong for King County,
for Connecticut (no county government) and for New York's towns.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lexicon.i18n import _
from lexicon.names import normalize
from lexicon.sources import cited_by, said_date
from places.jurisdiction import Jurisdiction

RULES_FILE = Path(__file__).with_name("governing.toml")
RELATIONS = frozenset({"governs", "none", "dissolved"})
_FIELDS = ("en", "es", "relation", "url", "publisher", "as_of")


@dataclass(frozen=True)
class BodyRule:
    """One sourced rule: the body (en/es, '{name}' the jurisdiction's name) and its source."""

    state: str
    en: str
    es: str
    relation: str  # governs | none (no such government) | dissolved
    url: str
    publisher: str
    as_of: str
    kind: str = ""
    name: str = ""  # one jurisdiction, by name
    agency: str = ""  # one agency, by name
    published: str = ""
    note: str = ""
    note_es: str = ""

    def body_name(self, jurisdiction: Jurisdiction, language: str, de_name: str = "") -> str:
        """The body's name; a Spanish pattern may name the place as `{de_name}` ('del
        Condado de Alameda': the caller words it, places/ knows no Spanish grammar)."""
        pattern = self.en if language == "en" else self.es
        return pattern.format(name=jurisdiction.name, de_name=de_name or f"de {jurisdiction.name}")

    def cite(self) -> str:
        """The rule's source, in the language of the request or letter being worded."""
        return _("{source}: {url} (as of {day})").format(
            source=cited_by(self.publisher, self.published), url=self.url, day=said_date(self.as_of)
        )


def parse_rules(text: str) -> tuple[BodyRule, ...]:
    """The rules in `text` (TOML), refusing an entry without a source or with an unknown
    relation: an unsourced body would put a guess in a letter."""
    rules = []
    for i, entry in enumerate(tomllib.loads(text).get("body", [])):
        missing = [f for f in _FIELDS if f not in entry]
        if missing or not (entry["url"] and entry["publisher"] and entry["as_of"]):
            raise ValueError(f"governing body {i + 1}: no {', '.join(missing) or 'source'}")
        if entry["relation"] not in RELATIONS:
            raise ValueError(f"governing body {i + 1}: unknown relation {entry['relation']!r}")
        if not (entry.get("kind") or entry.get("agency")):
            raise ValueError(f"governing body {i + 1}: needs a kind or an agency")
        rules.append(BodyRule(**entry))
    return tuple(rules)


@cache
def rules() -> tuple[BodyRule, ...]:
    return parse_rules(RULES_FILE.read_text(encoding="utf-8"))


def rule_for(
    jurisdiction: Jurisdiction, agency_name: str = "", table: tuple[BodyRule, ...] | None = None
) -> BodyRule | None:
    """The most specific sourced rule: for the agency, the jurisdiction, then its kind and
    state; None when no source names the body."""
    table = rules() if table is None else table
    state = jurisdiction.state
    if agency_name:
        for rule in table:
            if (
                rule.agency
                and rule.state == state
                and normalize(rule.agency) == normalize(agency_name)
            ):
                return rule
    same_kind = [r for r in table if not r.agency and r.state == state]
    same_kind = [r for r in same_kind if r.kind == jurisdiction.kind]
    named = [r for r in same_kind if normalize(r.name) == normalize(jurisdiction.name)]
    if named:
        return named[0]
    general = [r for r in same_kind if not r.name]
    return general[0] if general else None

"""What an import reports: line-numbered issues, rows it skipped, and its refusal.

Importers run in two steps so that a chat command can reuse them: a pure parse step that
only reads bytes and reports line-numbered issues, and a write step that runs in ONE
`Database.write` job (all-or-nothing) and is refused when the parse found errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from lexicon.i18n import _
from lexicon.stored import say

MAX_ERRORS = 50  # enough to fix a file; a wrong file would otherwise list every line


@dataclass(frozen=True)
class Issue:
    """A problem found in an upload. `line` is the 1-based line where the record starts."""

    line: int | None
    message: str

    def __str__(self) -> str:
        # A message found inside a write job is kept as structure (no locale there): said now.
        message = say(self.message)
        if self.line is None:
            return message
        return _("line {line}: {message}").format(line=self.line, message=message)


@dataclass(frozen=True)
class SkippedRow:
    line: int
    record_id: str
    category: str  # short, for counting: 'identical row', 'repeated agency and technology'
    reason: str  # the full sentence, naming the line it repeats


class ImportRefused(Exception):
    """The upload has errors; nothing was written. `issues` says where and why."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(str(i) for i in issues[:3]) or "the import was refused")
        self.issues = issues

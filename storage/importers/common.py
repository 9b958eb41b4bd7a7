"""What every importer shares: decoding an upload safely, CSV records with line numbers,
the issues an import reports, and US state codes.

Importers run in two steps so that a chat command can reuse them: a pure parse step that
only reads bytes and reports line-numbered errors, and a write step that runs in ONE
`Database.write` job (all-or-nothing) and is refused when the parse found errors.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 32 * 1024 * 1024  # newer Atlas exports are ~8 MB; 4x headroom
MAX_FIELD_CHARS = 5000  # the longest Atlas field is 741 characters
MAX_ERRORS = 50  # enough to fix a file; a wrong file would otherwise list every line
# C0 controls but tab/newline/CR (CSV cells may hold line breaks), DEL, C1 controls and bidi
# overrides: the same characters chat options refuse (bot/options.py), since an imported cell
# is shown in chat just like typed text and a bidi override can disguise it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Issue:
    """A problem found in an upload. `line` is the 1-based line where the record starts."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line is not None else self.message


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


@dataclass
class CsvTable:
    header: list[str]
    records: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, fields)


def decode_upload(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str | Issue:
    """UTF-8 text of an upload, or the one Issue that makes it unreadable."""
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        return Issue(None, f"the file is {size:,} bytes; the limit is {max_bytes:,} bytes")
    if isinstance(data, bytes):
        if b"\x00" in data:
            line = data.count(b"\n", 0, data.index(b"\x00")) + 1
            return Issue(line, "the file looks binary (a NUL byte); expected a CSV text file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            return Issue(line, "the file is not UTF-8 text; save it as UTF-8 CSV and retry")
    else:
        text = data.removeprefix("\ufeff")
        if "\x00" in text:
            return Issue(None, "the file looks binary (a NUL byte); expected a CSV text file")
    if not text.strip():
        return Issue(None, "the file is empty")
    return text


def read_upload(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CsvTable | Issue:
    """An uploaded file as a CSV table, or the one issue that stops reading it."""
    text = decode_upload(data, max_bytes=max_bytes)
    return read_csv(text) if isinstance(text, str) else text


def read_csv(text: str) -> CsvTable | Issue:
    """Parse CSV strictly, keeping for each record the line on which it starts."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    table: CsvTable | None = None
    ended_at = 0  # physical line where the previous record ended
    try:
        for fields in reader:
            start = ended_at + 1
            ended_at = reader.line_num
            if not fields or fields == [""]:
                continue  # blank line
            if table is None:
                table = CsvTable(header=[h.strip() for h in fields])
            else:
                table.records.append((start, fields))
    except csv.Error as exc:
        return Issue(ended_at + 1, f"the CSV cannot be read ({exc})")
    if table is None:
        return Issue(None, "the file is empty")
    return table


def field_problem(name: str, value: str) -> str | None:
    """Why a field value is unacceptable (too long, control characters), or None."""
    if len(value) > MAX_FIELD_CHARS:
        return f"{name} is {len(value):,} characters long (the limit is {MAX_FIELD_CHARS:,})"
    if _CONTROL.search(value):
        return f"{name} contains control characters"
    return None


# Invisible format characters pasted in from web pages (zero-width space, left-to-right
# mark: 76 cells of the 2020 Atlas, one of them an agency name) would break name matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))


def clean(value: str) -> str:
    """Drop invisible characters; trim and fold whitespace runs (and newlines) to one space."""
    return " ".join(value.translate(_INVISIBLE).split())

"""Reading an upload safely: size limit, UTF-8 without NUL bytes, strict CSV records that
keep the line each one starts on (for the issues an import reports)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from lexicon.i18n import _
from storage.importers.issues import Issue

DEFAULT_MAX_BYTES = 32 * 1024 * 1024  # newer Atlas exports are ~8 MB; 4x headroom


@dataclass
class CsvTable:
    header: list[str]
    records: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, fields)


def decode_upload(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str | Issue:
    """UTF-8 text of an upload, or the one Issue that makes it unreadable."""
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        return Issue(
            None,
            _("the file is {n:,} bytes; the limit is {most:,} bytes").format(
                n=size, most=max_bytes
            ),
        )
    if isinstance(data, bytes):
        if b"\x00" in data:
            line = data.count(b"\n", 0, data.index(b"\x00")) + 1
            return Issue(line, _("the file looks binary (a NUL byte); expected a CSV text file"))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            return Issue(line, _("the file is not UTF-8 text; save it as UTF-8 CSV and retry"))
    else:
        text = data.removeprefix("\ufeff")
        if "\x00" in text:
            return Issue(None, _("the file looks binary (a NUL byte); expected a CSV text file"))
    if not text.strip():
        return Issue(None, _("the file is empty"))
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
        return Issue(ended_at + 1, _("the CSV cannot be read ({error})").format(error=exc))
    if table is None:
        return Issue(None, _("the file is empty"))
    return table

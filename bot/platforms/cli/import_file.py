"""`python main.py import-atlas FILE [--as-of D]` and `import-laws FILE`: parse first (a bad
file prints line-numbered errors to stderr, exits 1 and never opens the database), then
write in one job and print the summary with the time it took."""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from pathlib import Path

from lexicon.stored import say
from storage.errors import Refused
from storage.importers.atlas import AtlasParse, parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.importers.issues import MAX_ERRORS, Issue
from storage.importers.laws import IFF_AS_OF, LawsParse, import_laws, parse_laws
from storage.importers.upload import DEFAULT_MAX_BYTES
from storage.open import BUSY_TIMEOUT_MS, open_database
from storage.seed import ensure_seed

_DATE_IN_NAME = re.compile(r"(\d{4})[-_]?(\d{2})[-_]?(\d{2})")


def as_of_from_name(path: Path, today: dt.date) -> str:
    """The date in an export's file name ('..._2020-10-07.csv', '...-20201007.csv'), else today."""
    for m in _DATE_IN_NAME.finditer(path.name):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            continue
    return today.isoformat()


def _read(path: Path) -> bytes | str:
    if not path.is_file():
        return f"{path}: no such file"
    if path.stat().st_size > DEFAULT_MAX_BYTES:
        return f"{path}: the file is larger than {DEFAULT_MAX_BYTES:,} bytes"
    return path.read_bytes()


def _refuse(path: Path, errors: list[Issue]) -> int:
    for issue in errors[:MAX_ERRORS]:
        print(f"{path.name}: {issue}", file=sys.stderr)
    if len(errors) > MAX_ERRORS:
        print(f"... and {len(errors) - MAX_ERRORS} more errors", file=sys.stderr)
    print("nothing was imported", file=sys.stderr)
    return 1


async def import_file(
    kind: str,
    path: Path,
    as_of: str | None,
    db_path: str,
    now: dt.datetime,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> int:
    data = _read(path)
    if isinstance(data, str):
        print(data, file=sys.stderr)
        return 1
    started = time.perf_counter()
    parsed: AtlasParse | LawsParse = parse_atlas(data) if kind == "atlas" else parse_laws(data)
    parse_ms = (time.perf_counter() - started) * 1000
    if parsed.errors:
        return _refuse(path, parsed.errors)
    if as_of is None:
        today = now.date()
        as_of = as_of_from_name(path, today) if kind == "atlas" else IFF_AS_OF
    try:
        dt.date.fromisoformat(as_of)
    except ValueError:
        print(f"--as-of must be a date like 2020-10-07, not {as_of[:20]!r}", file=sys.stderr)
        return 1
    try:
        lines, write_ms = await _write(parsed, as_of, db_path, now, busy_timeout_ms)
    except Refused as exc:
        # E.g. another import holds the write lock: one line, nothing written, try again.
        print(f"counterwatch: {exc}", file=sys.stderr)
        return 1
    print("\n".join(say(line) for line in lines))
    print(f"time: parse {parse_ms:.0f} ms, write {write_ms:.0f} ms (one transaction)")
    return 0


async def _write(
    parsed: AtlasParse | LawsParse, as_of: str, db_path: str, now: dt.datetime, busy_ms: int
) -> tuple[list[str], float]:
    db = await open_database(db_path, busy_timeout_ms=busy_ms)
    try:
        await ensure_seed(db, now=now)
        started = time.perf_counter()
        if isinstance(parsed, AtlasParse):
            lines = (await import_atlas(db, parsed, as_of=as_of, imported_at=now)).lines()
        else:
            lines = (await import_laws(db, parsed, as_of=as_of, imported_at=now)).lines()
        return lines, (time.perf_counter() - started) * 1000
    finally:
        await db.close()

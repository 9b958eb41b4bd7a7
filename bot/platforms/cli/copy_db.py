"""`python main.py copy-db SRC DST`: check the two URLs, copy, print one line per table.

Bad input (an unknown scheme, a missing source file, SRC and DST the same database) is one
line and exit 2, before anything is opened; a database that cannot be reached, a destination
that holds data, or a copy that failed is one line and exit 1, with the destination as it
was (a SQLite file the command created is removed again). A URL is shown without its
password, and a password is blanked out of any message that quotes it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from storage.copying.copy import COPY_ERRORS, copy_database
from storage.copying.schema import CopyFailed, CopyRefused
from storage.errors import Refused
from storage.open import SQLITE_SCHEME, is_postgres, sqlite_path

USAGE = "use sqlite:///path/to/counterwatch.db or postgresql://user@host/database"


class BadInput(Exception):
    """One line for the operator; exit 2, nothing opened."""


def describe(url: str) -> str:
    """The database a URL names, for a person: never its password (nor its query string,
    where libpq also accepts one)."""
    if not is_postgres(url):
        return sqlite_path(url)
    parts = urlsplit(url)
    user = f"{parts.username}@" if parts.username else ""
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    port = f":{parts.port}" if _port(url) else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


def _port(url: str) -> int | None:
    try:
        return urlsplit(url).port
    except ValueError:
        return None


def redact(text: str, *urls: str) -> str:
    """`text` with every password the URLs carry blanked out."""
    for url in urls:
        if not is_postgres(url):
            continue
        parts = urlsplit(url)
        secrets = [parts.password or ""]
        secrets += [value for key, value in _query(url) if key == "password"]
        for secret in secrets:
            if secret:
                text = text.replace(secret, "***").replace(unquote(secret), "***")
    return text


def _query(url: str) -> list[tuple[str, str]]:
    pairs = []
    for item in urlsplit(url).query.split("&"):
        key, _, value = item.partition("=")
        pairs.append((key, value))
    return pairs


def _identity(url: str) -> tuple[str, ...]:
    """What tells two URLs naming one database apart (for refusing SRC == DST)."""
    if not is_postgres(url):
        return ("sqlite", os.path.realpath(sqlite_path(url)))
    parts = urlsplit(url)
    database = parts.path.lstrip("/") or (parts.username or "")
    return ("postgres", (parts.hostname or "localhost").lower(), str(_port(url) or 5432), database)


def check_urls(src: str, dst: str) -> None:
    for which, url in (("SRC", src), ("DST", dst)):
        if is_postgres(url):
            try:
                urlsplit(url).port  # noqa: B018 (a port that is not a number raises here)
            except ValueError:
                raise BadInput(
                    f"{which} {describe(url)!r} has a port that is not a number"
                ) from None
            continue
        if not url.startswith(SQLITE_SCHEME):
            if "://" in url:  # not echoed: it may carry a password
                scheme = url.split("://", 1)[0]
                raise BadInput(f"{which} has an unknown scheme {scheme!r}; {USAGE}")
            raise BadInput(f"{which} {url!r} is not a database URL; {USAGE}")
        path = Path(sqlite_path(url))
        if not sqlite_path(url):
            raise BadInput(f"{which} {url!r} names no file; {USAGE}")
        if path.is_dir():
            raise BadInput(f"{which} {path} is a folder, not a database file")
    src_path = None if is_postgres(src) else Path(sqlite_path(src))
    if src_path is not None and not src_path.is_file():
        hint = "" if src_path.is_absolute() else " (an absolute path takes four slashes)"
        raise BadInput(f"SRC {src_path}: no such file{hint}")
    if _identity(src) == _identity(dst):
        raise BadInput(f"SRC and DST are the same database ({describe(src)})")


async def copy_db_command(src: str, dst: str) -> int:
    try:
        check_urls(src, dst)
    except BadInput as exc:
        print(f"counterwatch: copy-db: {exc}", file=sys.stderr)
        return 2
    created = _new_sqlite_file(dst)
    try:
        copied = await copy_database(src, dst)
    except (CopyRefused, CopyFailed, Refused) as exc:
        return _failed(str(exc), src, dst, created)
    except COPY_ERRORS as exc:
        # A statement of the copy failed (rolled back), or a connection broke on the way.
        reason = " ".join(str(exc).split())
        return _failed(f"the copy failed: {type(exc).__name__}: {reason}", src, dst, created)
    width = max((len(name) for name, _ in copied.counts), default=0)
    for name, count in copied.counts:
        print(f"{name + ':':<{width + 1}} {count} {'row' if count == 1 else 'rows'}")
    print(
        f"copied {copied.total} rows in {len(copied.counts)} tables from {describe(src)} "
        f"to {describe(dst)} in {copied.seconds:.1f} s (one transaction)"
    )
    return 0


def _new_sqlite_file(dst: str) -> Path | None:
    """The destination file when this command is about to create it (removed on failure)."""
    if is_postgres(dst):
        return None
    path = Path(sqlite_path(dst))
    return None if path.exists() else path


def _failed(message: str, src: str, dst: str, created: Path | None) -> int:
    if created is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{created}{suffix}").unlink(missing_ok=True)
    line = f"counterwatch: copy-db from {describe(src)} to {describe(dst)}: {message}"
    print(redact(line, src, dst) + " (nothing was copied)", file=sys.stderr)
    return 1

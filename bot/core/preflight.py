"""Checks run before anything is opened, so a misconfiguration is one line, not a traceback.

The database file is examined without opening it as a database: opening a folder or a
foreign file with SQLite fails deep inside the driver (36-98 lines of traceback), and
opening a read-only file would fail only at the first write, after the bot said it was up.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Every SQLite 3 database begins with these 16 bytes (https://sqlite.org/fileformat.html).
SQLITE_HEADER = b"SQLite format 3\x00"


# Below this much free space SQLite cannot open a database in WAL mode: it sizes its
# `-shm` index (32 KiB) and writes a first WAL page before the first read. On a full disk
# that failed as "disk I/O error" deep in the driver (SQLite does not say ENOSPC there).
MIN_FREE_BYTES = 64 * 1024


def disk_full(db_path: str) -> bool:
    """Whether the filesystem holding `db_path` has less room than opening it needs."""
    if db_path == ":memory:":
        return False
    path = Path(db_path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no such folder (database_problem says so), or no statvfs
        return False
    return info.f_bavail * info.f_frsize < MIN_FREE_BYTES


class PlatformStartError(Exception):
    """A chat platform cannot start (token refused, API unreachable): one line for the
    operator, raised by the platform's runner, printed by main.py with exit code 2."""


def database_problem(db_path: str) -> str | None:
    """Why the database at `db_path` cannot be used, in one line naming the path; or None.

    A missing file is fine (it is created) when its folder exists and is writable.
    """
    if db_path == ":memory:":
        return None
    path = Path(db_path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return _folder_problem(path)
    except OSError as exc:
        return f"cannot read the database {path}: {exc.strerror or exc}"
    if stat.S_ISDIR(info.st_mode):
        return f"the database path {path} is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return f"the database path {path} is not a regular file"
    # Mode bits as well as access(): running as root, access() says yes to every file, and
    # a file someone marked read-only should not be written behind their back.
    if not os.access(path, os.R_OK | os.W_OK) or not info.st_mode & stat.S_IWUSR:
        return f"the database {path} is read-only"
    if info.st_size == 0:
        return None  # an empty file is a new database to SQLite
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"cannot read the database {path}: {exc.strerror or exc}"
    if header != SQLITE_HEADER:
        return f"the database {path} is not a SQLite database (file is not a database)"
    return _folder_problem(path)


def _folder_problem(path: Path) -> str | None:
    """SQLite's WAL mode creates `-wal` and `-shm` files next to the database."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return f"the folder of the database {path} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder of the database {path} is read-only"
    return None

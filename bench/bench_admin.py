"""/facts import of the real EFF Atlas export through the command, and its undo.

Each figure is printed beside a baseline measured in the same run:
- import: the whole command (upload checks, parse in a thread, rows + audit entry + created
  ids + subjects in ONE write job, place index reload) versus the importer alone
  (parse_atlas + import_atlas, no audit, no reload) on a fresh database;
- undo: `/facts undo C1` (dependency check, set-based deletes, dataset restore, audit entry,
  place index reload) versus plain DELETEs of every agency, source and deployment.
Peak memory is Python's (tracemalloc) during each step, and the process's max RSS at the end.
Files live in a temp dir, WAL and synchronous=FULL, as in production.

Run: .venv/bin/python -m bench admin   (needs ../shared/data, or COUNTERWATCH_SHARED_DATA)
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from bench.clock import NOW
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Attachment, Role
from bot.core.settings import Settings
from commands import build_registry
from storage.db import Database
from storage.importers.atlas import parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.sql import Conn
from wiring import wire_deps

T = TypeVar("T")
ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"
ADMIN = Identity("bench", "W1", "A1", "bench admin", Role.ADMIN, facts_admin=True)


def atlas_path() -> Path:
    base = Path(
        os.environ.get("COUNTERWATCH_SHARED_DATA", Path(__file__).parents[2] / "shared" / "data")
    )
    return base / ATLAS


async def measured(label: str, step: Callable[[], Awaitable[T]], trace: bool) -> T:
    """Time without tracemalloc (it slows allocation-heavy code); memory in a second pass."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    result = await step()
    elapsed = time.perf_counter() - started
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{label:<42} peak Python memory {peak / 2**20:7.1f} MiB")
    else:
        print(f"{label:<42} {elapsed * 1000:9.1f} ms")
    return result


async def open_deps(path: Path) -> tuple[Database, Deps]:
    db = await Database.open(path)
    return db, await wire_deps(db, Settings(db_path=str(path)), lambda: NOW)


async def main() -> None:
    source = atlas_path()
    if not source.is_file():
        print(f"skipped: {source} is absent")
        return
    content = source.read_bytes()
    print(f"file: {ATLAS}, {len(content):,} bytes")
    print("-- time (no tracing)")
    await run_all(content, trace=False)
    print("-- memory (tracemalloc; slower, so not timed)")
    await run_all(content, trace=True)


async def run_all(content: bytes, trace: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        baseline_db, _ = await open_deps(Path(tmp) / "baseline.db")

        async def importer_alone() -> None:
            parsed = parse_atlas(content)
            await import_atlas(baseline_db, parsed, as_of="2020-10-07", imported_at=NOW)

        await measured("baseline: parse_atlas + import_atlas", importer_alone, trace)

        async def plain_delete() -> None:
            async def job(conn: Conn) -> None:
                for table in ("deployments", "agencies", "sources"):
                    await conn.execute(f"DELETE FROM {table}")

            await baseline_db.write(job)

        await measured("baseline: plain DELETE of all rows", plain_delete, trace)
        await baseline_db.close()

        db, deps = await open_deps(Path(tmp) / "stack.db")
        dispatcher = Dispatcher(build_registry(), deps)
        upload = (Attachment(ATLAS, content),)

        async def command_import() -> str:
            reply = await dispatcher.run_text(ADMIN, "/facts import", upload)
            if reply.error:
                raise SystemExit(f"import failed: {reply.text}")
            return reply.text

        text = await measured("/facts import (through the command)", command_import, trace)
        print("   " + text.splitlines()[2] + "; " + text.splitlines()[-1][:60])

        async def command_undo() -> str:
            reply = await dispatcher.run_text(ADMIN, "/facts undo C1")
            if reply.error:
                raise SystemExit(f"undo failed: {reply.text}")
            return reply.text

        text = await measured("/facts undo C1 (the whole import)", command_undo, trace)
        print("   " + text[:110])
        row = await db.fetchone("SELECT COUNT(*) FROM deployments")
        print(f"   deployments left after undo: {row[0] if row else '?'}")
        await db.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS so far: {rss:.0f} MiB")

"""Child process for the crash test: the real Database and dispatcher under sign-up load.

Prints `ACK <user id>` (flushed) for every sign-up whose reply came back, i.e. that the
bot acknowledged, and keeps going until it is killed.
Usage: python crash_child.py <db path or postgresql:// url> <concurrent members>
"""

from __future__ import annotations

import asyncio
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from storage.open import open_database
from tests.conftest import FIXED_NOW
from wiring import wire_deps


async def main(path: str, members: int) -> None:
    db = await open_database(path)
    settings = Settings(database_url=path) if "://" in path else Settings(db_path=path)
    deps = await wire_deps(db, settings, lambda: FIXED_NOW)
    dispatcher = Dispatcher(build_registry(), deps)
    organizer = Identity("crash", "W1", "org", "Organizer", Role.ORGANIZER)
    await dispatcher.run_text(organizer, "/campaign create crash Crash")
    numbers = itertools.count()

    async def member() -> None:
        for i in numbers:
            who = Identity("crash", "W1", f"C{i}", f"Member {i}", Role.MEMBER)
            reply = await dispatcher.run_text(who, "/campaign join crash")
            if reply.error:
                print(f"ERROR {reply.text}", flush=True)
                continue
            print(f"ACK C{i}", flush=True)

    print("READY", flush=True)
    await asyncio.gather(*(member() for _ in range(members)))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))

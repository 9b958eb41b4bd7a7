"""One bot process of the PostgreSQL sign-up benchmark: the real stack, started as its own
program so that two of them are two real processes (bench/bench_pg_signups.py).

    python -m bench.pg_signup_child URL FIRST COUNT MEMBERS

Opens PgDatabase on URL (one writer doing group commit, a read pool, LISTEN/NOTIFY), wires
the deps and the Dispatcher as the bot does, prints `ready`, then waits for a line on stdin
(the common start signal). Then MEMBERS concurrent members send `/campaign join bench`
through Dispatcher.run_options (Discord's entry point) for member numbers FIRST ..
FIRST+COUNT-1, each acknowledged when its await returns (after its group's COMMIT). Last,
one JSON line on stdout: start and end (time.monotonic, shared by every process on the
machine), the latencies, the group commits made and the CPU seconds this process spent.
The campaign `bench` must exist (the parent makes it).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from bench.clock import NOW
from bench.signup_baselines import run_members_of
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from storage.postgres.db import PgDatabase
from wiring import wire_deps

SLUG = "bench"


def member(i: int, role: Role = Role.MEMBER) -> Identity:
    return Identity("bench", "W1", f"u{i}", f"Member {i}", role)


async def make_campaign(url: str) -> None:
    """The campaign every child joins, created through the dispatcher by an organizer."""
    db = await PgDatabase.open(url)
    try:
        deps = await wire_deps(db, Settings(database_url=url), lambda: NOW)
        dispatcher = Dispatcher(build_registry(), deps)
        made = await dispatcher.run_text(member(0, Role.ORGANIZER), f"/campaign create {SLUG} B")
        if made.error:
            raise RuntimeError(made.text)
    finally:
        await db.close()


async def serve(url: str, first: int, count: int, members: int) -> dict[str, object]:
    db = await PgDatabase.open(url)
    try:
        deps = await wire_deps(db, Settings(database_url=url), lambda: NOW)
        dispatcher = Dispatcher(build_registry(), deps)
        command = dispatcher.registry.get(("campaign", "join"))
        assert command is not None

        async def join(i: int) -> None:
            reply = await dispatcher.run_options(member(i), command, {"slug": SLUG})
            if reply.error:
                raise RuntimeError(reply.text)

        print("ready", flush=True)
        await asyncio.to_thread(sys.stdin.readline)  # the common start signal
        cpu, commits, start = time.process_time(), db.commits, time.monotonic()
        latencies = await run_members_of(range(first, first + count), members, join)
        end = time.monotonic()
        return {
            "start": start,
            "end": end,
            "latencies": latencies,
            "commits": db.commits - commits,
            "cpu": time.process_time() - cpu,
        }
    finally:
        await db.close()


def main(argv: list[str]) -> None:
    url, first, count, members = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    result = asyncio.run(serve(url, first, count, members))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

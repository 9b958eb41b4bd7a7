"""A bot process for the multi-process tests: wired exactly as the bot is (storage.open,
the seed, wire_deps, the real Dispatcher, wiring.background_loops), on the
database a URL names, taking its orders as JSON lines on stdin and answering each with one
JSON line on stdout.

Usage: python bot_child.py <database url> <sends file> <epoch> <lease s> <send delay s>
  epoch: the test's time.time() at its start. The clock is FIXED_NOW plus the seconds since
  then, the same in every process of a test, so leases lapse without depending on the day.
  Every direct message sent is appended to <sends file> (O_APPEND, fsync before the send
  returns), so a SIGKILL loses no record of what was sent.

Orders ({"op": ...}):
  run    {"who": [role, user id], "line": "/..."} -> {"error": bool, "text": ...}
  joins  {"slug": s, "users": [...]} -> every join at once through the dispatcher:
         {"joined": [...], "already": [...], "errors": n, "commits": c}
  loops  start the background loops (wiring.background_loops) -> {"started": true}
  stats  -> {"commits": c}
Stdin closed: stop the loops, close the database, exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.health import Monitor
from bot.core.messengers import Messengers
from bot.core.models import Role
from bot.core.pacing import Pacing
from bot.core.settings import Settings
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from storage.open import open_database
from storage.outbox.repository import OutboxStore
from storage.seed import ensure_seed
from storage.sql import Db
from tests.conftest import FIXED_NOW
from wiring import LoopPolls, background_loops, wire_deps

PLATFORM = "test"  # tests.conftest.identity's platform
LOOP_POLL_S = 0.2


@dataclass
class RecordingMessenger:
    """Records each send as one JSON line, durably, before the send counts as done."""

    path: str
    delay_s: float
    platform: str = PLATFORM

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        await asyncio.sleep(self.delay_s)  # a network round trip
        self._record({"pid": os.getpid(), "to": user_id, "text": text})

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        self._record({"pid": os.getpid(), "channel": channel_id, "text": text})

    def _record(self, entry: dict[str, Any]) -> None:
        line = (json.dumps(entry) + "\n").encode()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)


def advancing_clock(epoch: float) -> Any:
    def clock() -> dt.datetime:
        return FIXED_NOW + dt.timedelta(seconds=time.time() - epoch)

    return clock


def who(role: str, user_id: str) -> Identity:
    # "admin" is the operator's: a facts admin, as the tests that edit facts need.
    rank = Role[role.upper()]
    return Identity(
        PLATFORM, "W1", user_id, f"user {user_id}", rank, "C1", facts_admin=rank >= Role.ADMIN
    )


class Child:
    def __init__(self, db: Db, deps: Deps) -> None:
        self.db = db
        self.deps = deps
        self.dispatcher = Dispatcher(
            build_registry(),
            deps,
            on_refusal=refusal_recorder(deps),
            pacing=Pacing(),
            monitor=Monitor(),
        )
        self.loops = contextlib.AsyncExitStack()

    async def run(self, order: dict[str, Any]) -> dict[str, Any]:
        role, user_id = order["who"]
        reply = await self.dispatcher.run_text(who(role, user_id), order["line"])
        return {"error": reply.error, "text": reply.as_text()}

    async def joins(self, order: dict[str, Any]) -> dict[str, Any]:
        line = f"/campaign join {order['slug']}"
        members = [who("member", user) for user in order["users"]]
        replies = await asyncio.gather(*(self.dispatcher.run_text(m, line) for m in members))
        joined, already, errors = [], [], 0
        for member, reply in zip(members, replies, strict=True):
            if reply.error:
                errors += 1
            elif "already signed up" in reply.text:
                already.append(member.user_id)
            else:
                joined.append(member.user_id)
        return {"joined": joined, "already": already, "errors": errors, "commits": self.db.commits}

    async def start_loops(self) -> dict[str, Any]:
        polls = LoopPolls(delivery=LOOP_POLL_S, reminders=LOOP_POLL_S, cards=LOOP_POLL_S)
        await self.loops.enter_async_context(background_loops(self.deps, polls))
        return {"started": True}

    async def answer(self, order: dict[str, Any]) -> dict[str, Any]:
        op = order["op"]
        if op == "run":
            return await self.run(order)
        if op == "joins":
            return await self.joins(order)
        if op == "loops":
            return await self.start_loops()
        if op == "stats":
            return {"commits": self.db.commits}
        raise ValueError(f"unknown order {op!r}")

    async def serve(self) -> None:
        while line := await asyncio.to_thread(sys.stdin.readline):
            answer = await self.answer(json.loads(line))
            print(json.dumps(answer), flush=True)
        await self.loops.aclose()  # the loops stop and are awaited, as the bot's are


async def main(url: str, sends: str, epoch: str, lease_s: str, delay_s: str) -> None:
    clock = advancing_clock(float(epoch))
    db = await open_database(url)
    try:
        await ensure_seed(db, now=clock())  # as open_app does: the first start seeds
        messengers = Messengers()
        messengers.register(RecordingMessenger(sends, float(delay_s)))
        deps = await wire_deps(db, Settings(database_url=url), clock, messengers=messengers)
        # The lease is shortened for the test, as an operator could: the outbox as built.
        outbox = OutboxStore(db, lease=dt.timedelta(seconds=float(lease_s)))
        deps = replace(deps, storage=replace(deps.storage, outbox=outbox))
        print(json.dumps({"ready": os.getpid(), "claimant": outbox.claimant}), flush=True)
        await Child(db, deps).serve()
    finally:
        await db.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:]))

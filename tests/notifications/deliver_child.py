"""Child process for the two-process delivery test: the real delivery pass on a shared file.

Each direct message is appended (one line: the user id) to a record file shared by both
processes. Prints READY, waits for a line on stdin (so both start together), delivers until
nothing is left for it, prints DONE <delivered>.
Usage: python deliver_child.py <db path> <record file>
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.core.messengers import Messengers
from bot.core.settings import Settings
from notifications.delivery import deliver_due
from storage.db import Database
from tests.conftest import FIXED_NOW
from wiring import wire_deps


class RecordingMessenger:
    """A DirectMessenger that writes each DM as one line of an append-only file."""

    platform = "test"

    def __init__(self, record: str) -> None:
        self._record = record

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        fd = os.open(self._record, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, f"{user_id}\n".encode())  # one write with O_APPEND: never interleaved
        finally:
            os.close(fd)
        await asyncio.sleep(0.001)  # a real send takes a while: let the other process run

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        raise AssertionError("DMs are open in this test")


async def main(path: str, record: str) -> None:
    db = await Database.open(path)
    try:
        messengers = Messengers()
        messengers.register(RecordingMessenger(record))
        deps = await wire_deps(
            db, Settings(db_path=path), lambda: FIXED_NOW, messengers=messengers, lazy=True
        )
        print("READY", flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        delivered = 0
        while True:
            report = await deliver_due(deps, limit=25)
            delivered += report.delivered
            if report.delivered + report.failed == 0:
                break
        print(f"DONE {delivered}", flush=True)
    finally:
        await db.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))

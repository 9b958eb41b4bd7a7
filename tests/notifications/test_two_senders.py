"""Two processes delivering from one outbox: each notification goes out exactly once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from storage.db import Database
from storage.outbox.repository import LEASE, OutboxStore
from storage.sql import stamp
from tests.conftest import FIXED_NOW

# Several processes side by side: `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.multiprocess

CHILD = Path(__file__).with_name("deliver_child.py")
FOLLOWERS = 300


def queue_notifications(db_path: Path, count: int) -> None:
    """`count` due notifications of one change, written as the change's transaction would."""
    raw = sqlite3.connect(db_path)
    try:
        with raw:
            change = raw.execute(
                "INSERT INTO changes (at, platform, workspace, user_id, user_name, command,"
                " action) VALUES (?, 'test', 'W1', 'A1', 'admin', 'facts set', 'update')",
                (stamp(FIXED_NOW),),
            ).lastrowid
            raw.executemany(
                "INSERT INTO notifications (change_id, platform, workspace, user_id, text,"
                " created_at, next_attempt_at) VALUES (?, 'test', 'W1', ?, 'changed', ?, ?)",
                [(change, f"F{i}", stamp(FIXED_NOW), stamp(FIXED_NOW)) for i in range(count)],
            )
    finally:
        raw.close()


async def test_two_processes_deliver_each_notification_exactly_once(tmp_path: Path) -> None:
    db_path, record = tmp_path / "outbox.db", tmp_path / "sent.txt"
    await (await Database.open(db_path)).close()
    queue_notifications(db_path, FOLLOWERS)
    senders = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), str(record)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for sender in senders:  # both open and ready before either starts
        assert sender.stdout is not None and sender.stdout.readline().strip() == "READY"
    for sender in senders:  # go, both at once
        assert sender.stdin is not None
        sender.stdin.write("go\n")
        sender.stdin.flush()
    outputs = [sender.communicate(timeout=120) for sender in senders]
    assert [s.returncode for s in senders] == [0, 0], [err[-500:] for _, err in outputs]
    sent = Counter(record.read_text().split())
    twice = {user: n for user, n in sent.items() if n > 1}
    assert not twice, f"{len(twice)} of {FOLLOWERS} followers got the same DM more than once"
    assert len(sent) == FOLLOWERS
    db = await Database.open(db_path)
    try:
        assert (await OutboxStore(db).stats()).delivered == FOLLOWERS
    finally:
        await db.close()


async def test_a_claim_lapses_after_its_lease(tmp_path: Path) -> None:
    """A process that claimed and died (never marked) leaves its rows to the next claimant,
    but only once the lease has passed."""
    db_path = tmp_path / "lease.db"
    first, second = await Database.open(db_path), await Database.open(db_path)
    try:
        queue_notifications(db_path, 5)
        dead, alive = OutboxStore(first), OutboxStore(second)
        assert len(await dead.claim(FIXED_NOW, 100)) == 5
        assert await alive.claim(FIXED_NOW, 100) == []
        assert await alive.claim(FIXED_NOW + LEASE / 2, 100) == []
        taken = await alive.claim(FIXED_NOW + LEASE, 100)
        assert [n.user_id for n in taken] == [f"F{i}" for i in range(5)]
        # The first claimant was only slow, not dead: its late failure must not release the
        # rows the second now holds (which would let a third process send them again).
        await dead.mark_failed(taken[0].id, FIXED_NOW + LEASE, "timed out")
        rows = await second.fetchall("SELECT claimed_by, attempts FROM notifications")
        assert {tuple(r) for r in rows} == {(alive.claimant, 0)}
    finally:
        await first.close()
        await second.close()

"""A queued follow notification, written through the storage API (for adapter tests)."""

from __future__ import annotations

import datetime as dt

from storage.audit import Author, ChangeEntry, record_change
from storage.db import Database
from storage.follows.models import FollowTarget, Member
from storage.follows.notify import enqueue_notifications
from storage.follows.repository import FollowStore
from storage.sql import Conn

AT = "2026-11-26T12:00:00+00:00"
PLACE = FollowTarget("city:greenfield:WI", "Greenfield, WI", "WI", "")


async def queue_notification(
    db: Database, platform: str, workspace: str, user_id: str, user_name: str, text: str
) -> int:
    """`user_id` follows Greenfield, WI; an admin change about it queues one notification."""

    member = Member(platform, workspace, user_id)
    await FollowStore(db).follow(member, PLACE, dt.datetime.fromisoformat(AT), user_name)

    async def job(conn: Conn) -> int:
        entry = ChangeEntry(
            Author(platform, workspace, "A1", "admin"), AT, "facts end-partnership", "update",
            "https://example.org/e", "ended", subjects=(PLACE.key,),
        )  # fmt: skip
        change_id = await record_change(conn, entry)
        return await enqueue_notifications(conn, change_id, lambda label, language: text, AT)

    return await db.write(job)

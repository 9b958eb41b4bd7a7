"""FollowStore: members following places (follow, unfollow, list). Each query is written in
the method that runs it; the notifications a change queues for followers are in notify.py,
/mydata's part in privacy.py."""

from __future__ import annotations

import datetime as dt

from storage.follows.models import Follow, FollowTarget, Member
from storage.sql import Conn, Db, stamp

MAX_FOLLOWS = 25  # per member and workspace; bounds what one account can make us store


class FollowStore:
    """Who follows which place, for follow notifications."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def follow(
        self, member: Member, target: FollowTarget, at: dt.datetime, user_name: str
    ) -> bool:
        """Follow a place; False when already following it. Raises OverflowError (with the
        limit in words) when the member follows the most places one may.

        `user_name` (the display name) is kept for one purpose: naming the follower, without
        a ping, in the notify channel when their direct messages are closed."""
        who = (member.platform, member.workspace, member.user_id)

        async def job(conn: Conn) -> bool:
            async with conn.execute(
                "SELECT COUNT(*) FROM follows WHERE platform = ? AND workspace = ? AND user_id = ?",
                who,
            ) as cursor:
                row = await cursor.fetchone()
            if row is not None and int(row[0]) >= MAX_FOLLOWS:
                raise OverflowError(f"at most {MAX_FOLLOWS} places can be followed")
            cursor = await conn.execute(
                "INSERT INTO follows (platform, workspace, user_id, place_key, place_label,"
                " state, county_keys, created_at, user_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (platform, workspace, user_id, place_key) DO NOTHING",
                (
                    *who,
                    target.key,
                    target.label,
                    target.state,
                    target.county_keys,
                    stamp(at),
                    user_name,
                ),
            )
            return cursor.rowcount == 1

        return await self._db.write(job)

    async def unfollow(self, member: Member, place_key: str) -> bool:
        """Stop following; False when the member did not follow it."""
        who = (member.platform, member.workspace, member.user_id)

        async def job(conn: Conn) -> bool:
            cursor = await conn.execute(
                "DELETE FROM follows WHERE platform = ? AND workspace = ? AND user_id = ?"
                " AND place_key = ?",
                (*who, place_key),
            )
            return cursor.rowcount > 0

        return await self._db.write(job)

    async def following(self, member: Member) -> list[Follow]:
        """What the member follows, by label."""
        rows = await self._db.fetchall(
            "SELECT place_key, place_label, created_at FROM follows"
            " WHERE platform = ? AND workspace = ? AND user_id = ? ORDER BY place_label",
            (member.platform, member.workspace, member.user_id),
        )
        return [Follow(r["place_key"], r["place_label"], r["created_at"]) for r in rows]

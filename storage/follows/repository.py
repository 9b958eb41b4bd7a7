"""Members following places, and the notifications a change queues for them.

Follows are personal data: `describe_member` / `erase_member` serve /mydata and /forgetme.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from lexicon.words import plural
from storage.follows.models import Follow, FollowTarget, Member
from storage.sql import Conn, Db, stamp

MAX_FOLLOWS = 25  # per member and workspace; bounds what one account can make us store

_ROWS_PER_INSERT = 100  # 800 parameters: far below either backend's limit


@dataclass(frozen=True)
class Follower:
    platform: str
    workspace: str
    user_id: str
    place_label: str  # one of the places they follow that the change concerns
    user_name: str  # display name when they followed: named (never pinged) in a channel


async def add_follow(
    conn: Conn,
    who: tuple[str, str, str],
    place: tuple[str, str, str, str],
    at: str,
    user_name: str = "",
) -> bool:
    """Follow (key, label, state, county keys); False when already following it.

    `user_name` (the display name) is kept for one purpose: naming the follower, without a
    ping, in the notify channel when their direct messages are closed.
    """
    platform, workspace, user_id = who
    key, label, state, county_keys = place
    async with conn.execute(
        "SELECT COUNT(*) FROM follows WHERE platform = ? AND workspace = ? AND user_id = ?",
        who,
    ) as cursor:
        row = await cursor.fetchone()
    if row is not None and int(row[0]) >= MAX_FOLLOWS:
        raise OverflowError(f"at most {MAX_FOLLOWS} places can be followed")
    cursor = await conn.execute(
        "INSERT INTO follows (platform, workspace, user_id, place_key, place_label, state,"
        " county_keys, created_at, user_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (platform, workspace, user_id, place_key) DO NOTHING",
        (platform, workspace, user_id, key, label, state, county_keys, at, user_name),
    )
    return cursor.rowcount == 1


async def remove_follow(conn: Conn, who: tuple[str, str, str], key: str) -> bool:
    cursor = await conn.execute(
        "DELETE FROM follows WHERE platform = ? AND workspace = ? AND user_id = ?"
        " AND place_key = ?",
        (*who, key),
    )
    return cursor.rowcount > 0


async def follows_of(db: Db, who: tuple[str, str, str]) -> list[Follow]:
    rows = await db.fetchall(
        "SELECT place_key, place_label, created_at FROM follows"
        " WHERE platform = ? AND workspace = ? AND user_id = ? ORDER BY place_label",
        who,
    )
    return [Follow(r["place_key"], r["place_label"], r["created_at"]) for r in rows]


# A follower matches a change when it follows one of the change's subjects, lives in a county
# the change is about, or lives in the state a state-wide change is about.
_FOLLOWERS_SQL = (
    "SELECT f.platform, f.workspace, f.user_id, MIN(f.place_label) AS label,"
    " MAX(f.user_name) AS user_name FROM follows f"
    " WHERE f.place_key IN (SELECT subject_key FROM change_subjects WHERE change_id = :c)"
    " OR EXISTS (SELECT 1 FROM change_subjects s WHERE s.change_id = :c"
    "  AND s.subject_key = 'state:' || f.state)"
    " OR (f.county_keys <> '' AND EXISTS (SELECT 1 FROM change_subjects s"
    "  WHERE s.change_id = :c AND s.subject_key >= 'county-wide:'"
    "  AND s.subject_key < 'county-wide;'"
    "  AND instr(f.county_keys, '|' || s.subject_key || '|') > 0))"
    " GROUP BY f.platform, f.workspace, f.user_id ORDER BY f.platform, f.workspace, f.user_id"
)


async def followers_of_change(conn: Conn, change_id: int) -> list[Follower]:
    async with conn.execute(_FOLLOWERS_SQL, {"c": change_id}) as cursor:
        rows = await cursor.fetchall()
    return [Follower(r[0], r[1], r[2], r[3], r[4]) for r in rows]


async def enqueue_notifications(
    conn: Conn, change_id: int, text_for: Callable[[str], str], at: str
) -> int:
    """Queue one notification per follower of the change, in the change's own job.

    The (change, follower) key makes a retried or repeated enqueue tell nobody twice.
    """
    followers = await followers_of_change(conn, change_id)
    rows = [
        (
            change_id,
            f.platform,
            f.workspace,
            f.user_id,
            f.user_name,
            text_for(f.place_label),
            at,
            at,
        )
        for f in followers
    ]
    queued = 0
    # Many rows per statement, and RETURNING counts what was new: the same on both backends
    # (an executemany's row count is SQLite's alone).
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start : start + _ROWS_PER_INSERT]
        cursor = await conn.execute(
            "INSERT INTO notifications (change_id, platform, workspace, user_id, user_name,"
            " text, created_at, next_attempt_at) VALUES "
            + ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(chunk))
            + " ON CONFLICT DO NOTHING RETURNING id",
            [value for row in chunk for value in row],
        )
        queued += len(list(await cursor.fetchall()))
    return queued


# --- privacy ---------------------------------------------------------------------------


async def describe_member(db: Db, platform: str, user_id: str) -> list[str]:
    rows = await db.fetchall(
        "SELECT place_label, workspace, created_at, user_name FROM follows"
        " WHERE platform = ? AND user_id = ? ORDER BY place_label",
        (platform, user_id),
    )
    lines = [
        f"You follow {r['place_label']} (since {r['created_at'][:10]}"
        + (f', as "{r["user_name"]}"' if r["user_name"] else "")
        + ")"
        for r in rows
    ]
    row = await db.fetchone(
        "SELECT COUNT(*) FROM notifications WHERE platform = ? AND user_id = ?",
        (platform, user_id),
    )
    if row is not None and int(row[0]):
        lines.append(f"{plural(int(row[0]), 'follow notification')} addressed to you")
    return lines


async def erase_member(conn: Conn, platform: str, user_id: str) -> int:
    """Forget the member's follows and every notification addressed to them."""
    erased = 0
    for table in ("follows", "notifications"):
        cursor = await conn.execute(
            f"DELETE FROM {table} WHERE platform = ? AND user_id = ?", (platform, user_id)
        )
        erased += max(cursor.rowcount, 0)
    return erased


class FollowStore:
    """Who follows which place, for follow notifications."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def follow(
        self, member: Member, target: FollowTarget, at: dt.datetime, user_name: str
    ) -> bool:
        """Follow a place; False when already following it. Raises OverflowError (with the
        limit in words) when the member follows the most places one may."""
        who = (member.platform, member.workspace, member.user_id)
        place = (target.key, target.label, target.state, target.county_keys)

        async def job(conn: Conn) -> bool:
            return await add_follow(conn, who, place, stamp(at), user_name)

        return await self._db.write(job)

    async def unfollow(self, member: Member, place_key: str) -> bool:
        """Stop following; False when the member did not follow it."""
        who = (member.platform, member.workspace, member.user_id)

        async def job(conn: Conn) -> bool:
            return await remove_follow(conn, who, place_key)

        return await self._db.write(job)

    async def following(self, member: Member) -> list[Follow]:
        """What the member follows, by label."""
        return await follows_of(self._db, (member.platform, member.workspace, member.user_id))

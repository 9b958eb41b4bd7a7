"""The notifications a change to the facts queues for the members following its places,
written inside that change's own write job (storage/fact_edits/jobs.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storage.sql import Conn

_ROWS_PER_INSERT = 100  # 800 parameters: far below either backend's limit


@dataclass(frozen=True)
class Follower:
    platform: str
    workspace: str
    user_id: str
    place_label: str  # one of the places they follow that the change concerns
    user_name: str  # display name when they followed: named (never pinged) in a channel
    language: str  # their /language choice ('' when none): the notice is worded in it


# A follower matches a change when it follows one of the change's subjects, lives in a county
# the change is about, or lives in the state a state-wide change is about.
_FOLLOWERS_SQL = (
    "SELECT f.platform, f.workspace, f.user_id, MIN(f.place_label) AS label,"
    " MAX(f.user_name) AS user_name, COALESCE(MAX(m.language), '') AS language FROM follows f"
    " LEFT JOIN member_languages m ON m.platform = f.platform AND m.user_id = f.user_id"
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
    return [Follower(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]


async def enqueue_notifications(
    conn: Conn, change_id: int, text_for: Callable[[str, str], str], at: str
) -> int:
    """Queue one notification per follower of the change, in the change's own job.

    `text_for(place, language)` words it for the follower's place and language. The (change,
    follower) key makes a retried or repeated enqueue tell nobody twice.
    """
    followers = await followers_of_change(conn, change_id)
    rows = [
        (
            change_id,
            f.platform,
            f.workspace,
            f.user_id,
            f.user_name,
            text_for(f.place_label, f.language),
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

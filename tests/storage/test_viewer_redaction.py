"""The audit log and the outbox, read for a viewer, on SQLite and PostgreSQL: another
workspace's people come back as "someone in another workspace", with no name, id or platform.
The repositories do it as they read, so no command can show what it was never given."""

from __future__ import annotations

import datetime as dt

from storage.audit import ChangeEntry, record_change
from storage.audit.models import Author
from storage.audit.repository import AuditLog
from storage.outbox.repository import OutboxStore
from storage.sql import Conn, Db
from storage.viewer import ELSEWHERE, EVERYONE, Viewer

AT = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
HOME = Author("discord", "800", "31", "Steward")
VICTIM = Author("slack", "T2", "U0VICTIM", "Victoria Private")
HOME_VIEWER = Viewer("discord", "800", "31")
T2_VIEWER = Viewer("slack", "T2", "U7")


async def _fill(db: Db) -> None:
    async def job(conn: Conn) -> None:
        entry = ChangeEntry(HOME, "2026-11-26T12:00:00+00:00", "facts remove", "delete", "", "s")
        change = await record_change(conn, entry)
        for who in (HOME, VICTIM):
            await conn.execute(
                "INSERT INTO notifications (change_id, platform, workspace, user_id, user_name,"
                " text, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (change, who.platform, who.workspace, who.user_id, who.user_name, "Smalltown",
                 "2026-11-26T12:00:00+00:00", "2026-11-26T12:00:00+00:00"),
            )  # fmt: skip

    await db.write(job)
    audit = AuditLog(db)
    await audit.record_refusal(VICTIM, AT, "facts import")
    await audit.record_refusal(HOME, AT, "facts import")


def _shown(*values: object) -> str:
    return repr(values)


async def test_refusals_and_changes_of_another_workspace_are_someone_elsewhere(db: Db) -> None:
    await _fill(db)
    audit = AuditLog(db)
    refusals = await audit.recent_refusals(10, HOME_VIEWER)
    assert [r.author for r in refusals] == [HOME, Author("", "", "", ELSEWHERE)]
    assert "VICTIM" not in _shown(refusals) and "Victoria" not in _shown(refusals)
    [change] = await audit.recent_changes(10, T2_VIEWER)
    assert change.author == Author("", "", "", ELSEWHERE)
    assert await audit.get_change(change.id, T2_VIEWER) == change
    assert await audit.changes_about(["nothing"], 10, T2_VIEWER) == []
    # Their own workspace's people, and everyone for the operator, as recorded.
    assert [r.author for r in await audit.recent_refusals(10, T2_VIEWER)] == [
        Author("", "", "", ELSEWHERE),
        VICTIM,
    ]
    assert [r.author for r in await audit.recent_refusals(10, EVERYONE)] == [HOME, VICTIM]
    assert (await audit.recent_changes(10, HOME_VIEWER))[0].author == HOME


async def test_the_same_workspace_id_on_another_platform_is_elsewhere(db: Db) -> None:
    await _fill(db)
    lookalike = Viewer("slack", "800", "U1")  # a Slack team that happens to be called 800
    [change] = await AuditLog(db).recent_changes(10, lookalike)
    assert change.author.user_name == ELSEWHERE and change.author.user_id == ""


async def test_the_outbox_shows_another_workspace_s_recipients_as_nobody_in_particular(
    db: Db,
) -> None:
    await _fill(db)
    outbox = OutboxStore(db)
    pending = await outbox.pending(10, HOME_VIEWER)
    mine = [n for n in pending if n.user_id]
    theirs = [n for n in pending if not n.user_id]
    assert [(n.platform, n.user_id) for n in mine] == [("discord", "31")]
    assert [(n.platform, n.workspace, n.user_name, n.text) for n in theirs] == [
        ("", "", ELSEWHERE, "")
    ]
    assert "VICTIM" not in _shown(pending) and "Victoria" not in _shown(pending)
    # Delivery still reads every row in full (it is not a reader's view).
    due = await outbox.due(AT + dt.timedelta(hours=1), 10)
    assert {n.user_id for n in due} == {"31", "U0VICTIM"}

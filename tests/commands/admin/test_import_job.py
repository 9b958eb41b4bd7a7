"""/facts import of an Atlas file: rows, audit entry and notifications in ONE write job."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Attachment, Role
from storage import audit
from storage.db import Database
from storage.fact_edits import imports
from storage.outbox.repository import OutboxStore
from storage.viewer import EVERYONE
from tests.commands.admin.conftest import count, table_state
from tests.conftest import identity
from tests.storage.test_atlas_bad_input import atlas_csv, row

ADMIN = identity(Role.ADMIN, user_id="A1")
ALICE = identity(Role.MEMBER, user_id="alice")
UPLOAD = Attachment("atlas_2020-10-07.csv", atlas_csv([row(n) for n in range(1, 4)]).encode())


async def test_import_audit_and_notifications_commit_together(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    assert not (await disp.run_text(ALICE, "/follow Greenfield, WI")).error
    reply = await disp.run_text(ADMIN, "/facts import", (UPLOAD,))
    assert not reply.error, reply.text
    assert "Change C1 recorded: import" in reply.title and "1 follower" in reply.text
    change = await audit.get_change(db, 1)
    assert change is not None and change.action == "import"
    assert change.after is not None and change.after["as_of"] == "2020-10-07"
    created = await count(db, "SELECT COUNT(*) FROM change_created WHERE change_id = 1")
    assert created == 3 + 3 + 3  # agencies, sources, deployments
    [queued] = await OutboxStore(db).pending(10, EVERYONE)
    assert queued.change_id == 1 and queued.user_id == "alice"


async def test_a_failing_audit_step_leaves_no_imported_row(
    disp: Dispatcher, fdeps: Deps, monkeypatch: pytest.MonkeyPatch, db: Database
) -> None:
    start = await table_state(db)

    async def broken_audit(*args: Any, **kwargs: Any) -> tuple[int, int]:
        raise RuntimeError("the audit log is unwritable")

    monkeypatch.setattr(imports, "audit_import", broken_audit)
    reply = await disp.run_text(ADMIN, "/facts import", (UPLOAD,))
    assert reply.error and "incident" in reply.text.lower()
    assert await table_state(db) == start
    assert await count(db, "SELECT COUNT(*) FROM changes") == 0

"""The job behind /facts undo: put the rows back (undo_change), then tell the followers."""

from __future__ import annotations

from storage.fact_edits.jobs import notify
from storage.fact_edits.models import UndoOutcome, UndoRequest
from storage.fact_edits.undo_change import undo_change
from storage.sql import Conn, stamp


async def undo(conn: Conn, request: UndoRequest) -> UndoOutcome:
    edit = request.edit
    result = await undo_change(conn, request.change_id, edit.author, stamp(edit.at))
    # The notice tells what was undone: {summary} is the undone change's summary.
    queued = await notify(conn, edit, result.change_id, result.undone_summary)
    return UndoOutcome(
        result.change_id, result.undone_id, result.undone_summary, result.rows, queued
    )

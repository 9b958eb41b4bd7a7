"""The audit log: every change to the facts, with its author, source and exact before/after.

- `models`: the shapes (Author, Change, ChangeEntry, RowWrite) and their JSON form;
- `recorder`: `ChangeRecorder` writes fact rows and keeps each row's before/after;
- `entries`: writes the audit entry in the same `Database.write` job as those rows;
- `reads`: /facts history's look-ups.

Importers of `storage.audit` get all of it from here.
"""

from storage.audit.entries import record_change, record_created, record_refusal, record_subjects
from storage.audit.models import (
    FACT_PREFIX,
    SOURCE_URL_KEY,
    WRITABLE_TABLES,
    Author,
    Change,
    ChangeEntry,
    ChangeRefused,
    Row,
    RowWrite,
    as_row,
    dumps,
    loads,
)
from storage.audit.reads import (
    changes_about,
    changes_to_fact,
    get_change,
    recent_changes,
    recent_refusals,
    refusals_by,
)
from storage.audit.recorder import ChangeRecorder, locked_snapshot, snapshot

__all__ = [
    "FACT_PREFIX",
    "SOURCE_URL_KEY",
    "WRITABLE_TABLES",
    "Author",
    "Change",
    "ChangeEntry",
    "ChangeRecorder",
    "ChangeRefused",
    "Row",
    "RowWrite",
    "as_row",
    "changes_about",
    "changes_to_fact",
    "dumps",
    "get_change",
    "loads",
    "locked_snapshot",
    "recent_changes",
    "recent_refusals",
    "record_change",
    "record_created",
    "record_refusal",
    "record_subjects",
    "refusals_by",
    "snapshot",
]

"""The job behind /facts set-spanish: fill or correct the Spanish of an event or a law
(migration 0021), audited and undoable like any other edit.

Only the wording changes, not what is on record about the world, so followers are not told.
"""

from __future__ import annotations

from lexicon.i18n import N_
from lexicon.stored import store
from storage.audit import ChangeRecorder, ChangeRefused, locked_snapshot
from storage.fact_edits.jobs import entry, finish
from storage.fact_edits.models import Outcome, SpanishText
from storage.sql import Conn

# Per fact kind: its table, the English columns, and the Spanish columns beside them.
_COLUMNS = {
    "E": ("company_events", ("summary", "status"), ("summary_es", "status_es")),
    "L": ("laws", ("scope", "status_note"), ("scope_es", "status_note_es")),
}
# Refusing status_es: for a fact with no English status (or note) to say.
_NO_STATUS = {
    "status": N_("{fact} has no status in English to say in Spanish; give text_es: only."),
    "status_note": N_(
        "{fact} has no status note in English to say in Spanish; give text_es: only."
    ),
}


async def set_spanish(conn: Conn, change: SpanishText) -> Outcome:
    fact = change.fact
    if fact.kind not in _COLUMNS:
        raise ChangeRefused(
            store(
                N_("{fact} has no text to say in Spanish: only events (E) and laws (L)."),
                fact=str(fact),
            )
        )
    table, (_, status_en), (text_es, status_es) = _COLUMNS[fact.kind]
    row = await locked_snapshot(conn, table, fact.id)
    if row is None:
        raise ChangeRefused(
            store(N_("There is no {fact} (removed?); nothing was changed."), fact=str(fact))
        )
    if change.status_es and not row[status_en]:
        raise ChangeRefused(store(_NO_STATUS[status_en], fact=str(fact)))
    values = {text_es: change.text_es}
    if change.status_es:
        values[status_es] = change.status_es
    if all(row[column] == value for column, value in values.items()):
        raise ChangeRefused(
            store(N_("{fact} already says this in Spanish; nothing was changed."), fact=str(fact))
        )
    rec = ChangeRecorder(conn)
    await rec.update(table, fact.id, values)
    # The Spanish itself; which columns changed, and from what, are the entry's own rows.
    summary = store(N_("Spanish text: {said}"), said=" / ".join(values.values()))
    change_entry = entry(change.edit, "update", summary, table, fact.id)
    return await finish(conn, rec, change_entry, change.edit, str(fact))

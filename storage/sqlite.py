"""The SQLite backend (the embedded default): every repository over one `Database`."""

from __future__ import annotations

from storage.admin_facts import SqliteFactEditor
from storage.announcements import SqliteAnnouncements
from storage.audit.log import SqliteAudit
from storage.campaigns import SqliteCampaigns
from storage.cards import SqliteCards
from storage.db import Database
from storage.dedupe import SqliteDedupe
from storage.facts import SqliteFacts
from storage.follows import SqliteFollows
from storage.interfaces import Storage
from storage.letters import SqliteLetters
from storage.outbox import SqliteOutbox
from storage.privacy import SqlitePrivacy
from storage.reminders import SqliteReminders


def sqlite_storage(db: Database) -> Storage:
    return Storage(
        facts=SqliteFacts(db),
        campaigns=SqliteCampaigns(db),
        letters=SqliteLetters(db),
        privacy=SqlitePrivacy(db),
        fact_edits=SqliteFactEditor(db),
        audit=SqliteAudit(db),
        follows=SqliteFollows(db),
        outbox=SqliteOutbox(db),
        dedupe=SqliteDedupe(db),
        announcements=SqliteAnnouncements(db),
        reminders=SqliteReminders(db),
        cards=SqliteCards(db),
    )

"""Every repository over one `Db`, whichever its backend (SQLite or PostgreSQL)."""

from __future__ import annotations

from storage.admin_facts import SqlFactEditor
from storage.announcements import SqlAnnouncements
from storage.audit.log import SqlAudit
from storage.campaigns import SqlCampaigns
from storage.cards import SqlCards
from storage.dedupe import SqlDedupe
from storage.facts import SqlFacts
from storage.follows import SqlFollows
from storage.interfaces import Storage
from storage.letters import SqlLetters
from storage.outbox import SqlOutbox
from storage.pages import SqlPages
from storage.privacy import SqlPrivacy
from storage.reminders import SqlReminders
from storage.sql import Db


def build_storage(db: Db) -> Storage:
    return Storage(
        facts=SqlFacts(db),
        campaigns=SqlCampaigns(db),
        cards=SqlCards(db),
        letters=SqlLetters(db),
        privacy=SqlPrivacy(db),
        fact_edits=SqlFactEditor(db),
        audit=SqlAudit(db),
        follows=SqlFollows(db),
        outbox=SqlOutbox(db),
        dedupe=SqlDedupe(db),
        announcements=SqlAnnouncements(db),
        reminders=SqlReminders(db),
        pages=SqlPages(db),
    )

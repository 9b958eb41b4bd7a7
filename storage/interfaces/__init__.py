"""The storage seam: typed repository interfaces, one per use case.

Commands and features talk to storage only through these Protocols (held by `Storage`,
which `Deps` carries). storage/repositories.py builds the implementation over a `Db`, SQLite
or PostgreSQL (storage/sql.py says what both backends share). Nothing here names a table or a
driver."""

from __future__ import annotations

from dataclasses import dataclass

from storage.interfaces.announcements import AnnouncementStore
from storage.interfaces.audit import AuditLog
from storage.interfaces.campaigns import CampaignStore
from storage.interfaces.cards import CardStore
from storage.interfaces.dedupe import RequestDedupe
from storage.interfaces.fact_edits import FactEditor
from storage.interfaces.facts import FactsStore
from storage.interfaces.follows import FollowStore
from storage.interfaces.letters import LetterStore
from storage.interfaces.outbox import OutboxStore
from storage.interfaces.pages import PageStore
from storage.interfaces.privacy import PrivacyStore
from storage.interfaces.reminders import ReminderStore


@dataclass(frozen=True)
class Storage:
    """Every repository, as one value to pass around."""

    facts: FactsStore
    campaigns: CampaignStore
    letters: LetterStore
    privacy: PrivacyStore
    fact_edits: FactEditor
    audit: AuditLog
    follows: FollowStore
    outbox: OutboxStore
    dedupe: RequestDedupe
    announcements: AnnouncementStore
    reminders: ReminderStore
    pages: PageStore  # published campaign pages and their web signatures
    cards: CardStore  # where campaign cards were posted, and whether their count is stale

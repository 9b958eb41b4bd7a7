"""Every repository, bundled as `Storage` (what `Deps.storage` holds), over one `Db`.

Each domain package (`storage/<domain>/`) holds its values in `models.py` and its repository,
with the SQL, in `repository.py`; a repository is written once for both backends (SQLite or
PostgreSQL, storage/sql.py says what they share). Commands and features import these
repositories and models, never the SQL machinery beneath them."""

from __future__ import annotations

from dataclasses import dataclass

from storage.announcements.repository import AnnouncementStore
from storage.audit.repository import AuditLog
from storage.campaigns.repository import CampaignStore
from storage.cards.repository import CardStore
from storage.dedupe.repository import RequestDedupe
from storage.fact_edits.repository import FactEditor
from storage.facts.repository import FactsStore
from storage.follows.repository import FollowStore
from storage.letters.repository import LetterStore
from storage.members.repository import LanguageStore
from storage.officials.repository import OfficialsStore
from storage.outbox.repository import OutboxStore
from storage.pages.repository import PageStore
from storage.privacy.repository import PrivacyStore
from storage.reminders.repository import ReminderStore
from storage.sql import Db
from storage.workspaces.repository import WorkspaceLanguageStore


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
    cards: CardStore  # where campaign cards were posted, and whether their count is stale
    pages: PageStore  # published campaign pages and their web signatures
    languages: LanguageStore  # the language each member chose (/language)
    officials: OfficialsStore  # governing bodies and officials on record (/contact, letters)
    # each workspace's default language (/language workspace:yes): its cards and posts
    workspace_languages: WorkspaceLanguageStore


def build_storage(db: Db) -> Storage:
    return Storage(
        facts=FactsStore(db),
        campaigns=CampaignStore(db),
        cards=CardStore(db),
        letters=LetterStore(db),
        privacy=PrivacyStore(db),
        fact_edits=FactEditor(db),
        audit=AuditLog(db),
        follows=FollowStore(db),
        outbox=OutboxStore(db),
        dedupe=RequestDedupe(db),
        announcements=AnnouncementStore(db),
        reminders=ReminderStore(db),
        pages=PageStore(db),
        languages=LanguageStore(db),
        officials=OfficialsStore(db),
        workspace_languages=WorkspaceLanguageStore(db),
    )

"""What the bot holds about a person, gathered from every feature, and its erasure.

Each feature that stores personal data contributes one `PrivacyProvider` to
`providers()` below: ONE line per feature. /mydata lists every section;
/forgetme erases all of them in ONE write job, so erasure is all or nothing.

/forgetme's one-time code is derived from the person, the day and the data itself
(nothing is stored to remember it): it expires at midnight UTC and changes when the
data does, so a confirmation always matches what was shown.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from lexicon.i18n import N_
from storage.announcements import privacy as announcement_privacy
from storage.announcements.repository import describe_mutes, erase_mutes
from storage.audit import privacy as audit_privacy
from storage.campaigns.ending import describe_organizing, erase_organizing
from storage.campaigns.privacy import describe_member as describe_signups
from storage.campaigns.privacy import erase_member as erase_signups
from storage.follows import privacy as follows
from storage.letters import privacy as letters
from storage.members import repository as members
from storage.pages.strikes import describe_strikes, erase_strikes
from storage.privacy.models import Erasure, Section
from storage.reminders.repository import describe_authored, erase_authored
from storage.sql import Conn, Db
from storage.workspaces import repository as workspaces

# (db, platform, user id) -> one human-readable line per thing held
Describe = Callable[[Db, str, str], Awaitable[list[str]]]
# (writer connection inside a write job, platform, user id) -> how many rows erased
Erase = Callable[[Conn, str, str], Awaitable[int]]


@dataclass(frozen=True)
class PrivacyProvider:
    section: str
    describe: Describe
    erase: Erase
    # What /forgetme does here when it keeps something (shown before the person confirms).
    # The section and the note are catalog keys (N_): the command says them in the asker's
    # language; `note_fields` fills the note's placeholders.
    erase_note: str = ""
    note_fields: Mapping[str, str] = field(default_factory=dict)
    # Every table `erase` deletes from or rewrites: after the erasure commits, these are
    # purged of the rows' old copies (Db.purge_erased) when the provider erased anything.
    tables: tuple[str, ...] = ()


def providers() -> tuple[PrivacyProvider, ...]:
    """Every store of personal data. A feature that keeps any adds its line here."""
    return (
        PrivacyProvider(
            N_("Your language"),
            members.describe_member,
            members.erase_member,
            tables=("member_languages",),
        ),
        PrivacyProvider(
            N_("Campaign sign-ups"), describe_signups, erase_signups, tables=("signups",)
        ),
        PrivacyProvider(
            N_("Letter templates you added"),
            letters.describe_author,
            letters.erase_author,
            tables=("letter_templates",),
        ),
        PrivacyProvider(
            N_("Places you follow"),
            follows.describe_member,
            follows.erase_member,
            tables=("follows", "notifications"),
        ),
        PrivacyProvider(
            N_("Campaign messages to you"),
            announcement_privacy.describe_member,
            announcement_privacy.erase_member,
            tables=("notifications",),
        ),
        PrivacyProvider(
            N_("Campaign announcements you sent"),
            announcement_privacy.describe_authored,
            announcement_privacy.erase_authored,
            erase_note=N_(
                "Announcements you sent stay counted for their campaigns; your id on"
                " each is removed."
            ),
            tables=("campaign_announcements",),
        ),
        PrivacyProvider(
            N_("Campaign messages you muted"),
            describe_mutes,
            erase_mutes,
            tables=("campaign_mutes",),
        ),
        PrivacyProvider(
            N_("Campaigns you organize"),
            describe_organizing,
            erase_organizing,
            tables=("campaign_organizers",),
        ),
        PrivacyProvider(
            N_("Campaign reminders you scheduled"),
            describe_authored,
            erase_authored,
            erase_note=N_(
                "Reminders you scheduled are still sent to the members; your name is"
                " removed from them."
            ),
            tables=("campaign_reminders",),
        ),
        PrivacyProvider(
            N_("Web signatures you struck"),
            describe_strikes,
            erase_strikes,
            erase_note=N_("Struck signatures stay recorded as struck; your id on each is removed."),
            tables=("campaign_strikes",),
        ),
        PrivacyProvider(
            N_("Workspace languages you set"),
            workspaces.describe_author,
            workspaces.erase_author,
            erase_note=N_(
                "The workspace languages you set stay in force and in the workspace's"
                " history; your id on each change is removed."
            ),
            tables=("workspace_language_log",),
        ),
        PrivacyProvider(
            N_("Refused attempts (commands run without the role for them)"),
            audit_privacy.describe_refusals,
            audit_privacy.erase_refusals,
            erase_note=N_("Refused attempts are deleted entirely."),
            tables=("refusals",),
        ),
        PrivacyProvider(
            N_("Fact changes you made (audit log)"),
            audit_privacy.describe_changes,
            audit_privacy.erase_changes,
            erase_note=N_(
                "Fact changes you made stay in the audit log, so that what changed, when and"
                " from which source can still be checked and undone; your name and id on each"
                " are replaced by '{erased}<change id>'."
            ),
            note_fields={"erased": audit_privacy.ERASED_AUTHOR},
            tables=audit_privacy.TABLES_REWRITTEN,
        ),
    )


async def describe_all(
    db: Db, platform: str, user_id: str, sources: Sequence[PrivacyProvider]
) -> list[Section]:
    """Every section, in declaration order, empty ones included (so 'nothing' is explicit)."""
    return [
        Section(
            p.section, tuple(await p.describe(db, platform, user_id)), p.erase_note, p.note_fields
        )
        for p in sources
    ]


async def erase_all(
    db: Db, platform: str, user_id: str, sources: Sequence[PrivacyProvider]
) -> dict[str, int]:
    """Erase from every provider in one transaction; returns rows erased per section."""

    async def job(conn: Conn) -> dict[str, int]:
        return {p.section: await p.erase(conn, platform, user_id) for p in sources}

    return await db.write(job)


CODE_LENGTH = 8


def confirmation_code(platform: str, user_id: str, day: str, held: Sequence[Section]) -> str:
    """The code that confirms erasing exactly `held`, valid on `day` only."""
    digest = hashlib.sha256()
    for part in (platform, user_id, day):
        digest.update(part.encode() + b"\x00")
    for section in held:
        digest.update("\x00".join((section.name, *section.lines)).encode() + b"\x01")
    return digest.hexdigest()[:CODE_LENGTH]


class PrivacyStore:
    """What the bot holds on one person, shown and erased on request."""

    def __init__(self, db: Db) -> None:
        self._db = db
        self._sources = providers()

    async def describe(self, platform: str, user_id: str) -> list[Section]:
        """Every feature's section, in a fixed order, empty ones included."""
        return await describe_all(self._db, platform, user_id, self._sources)

    def erase_code(self, platform: str, user_id: str, day: str, held: Sequence[Section]) -> str:
        """The one-time code confirming erasure of exactly `held` on `day` (ISO date): it
        changes when the data or the day does, so a confirmation matches what was shown."""
        return confirmation_code(platform, user_id, day, held)

    async def erase(self, platform: str, user_id: str) -> Erasure:
        """Erase everything about the person in one transaction, then purge the old copies
        the database keeps of what it erased (SQLite: the WAL; PostgreSQL: the dead row
        versions in the tables' files, see Db.purge_erased)."""
        erased = await erase_all(self._db, platform, user_id, self._sources)
        return Erasure(erased, tuple(await self._db.purge_erased(touched(erased, self._sources))))


def touched(erased: dict[str, int], sources: Sequence[PrivacyProvider]) -> list[str]:
    """The tables of every provider that erased something, each once, in order."""
    tables = (t for p in sources if erased.get(p.section) for t in p.tables)
    return list(dict.fromkeys(tables))

"""Campaigns kept in memory per repository, so that a sign-up needs no read at all."""

from __future__ import annotations

from storage.campaigns.models import CAMPAIGN_COLUMNS, Campaign, campaign_from_row
from storage.sql import Db


class CampaignCache:
    """Campaigns by workspace and slug, read once: a sign-up then needs no read at all.

    Only campaigns that exist are kept, so a new one is found at once. Call `forget`
    after a write that changed a campaign (create, close) has committed. Closing is the
    only change a campaign sees, and the sign-up statement checks it again in SQL, so an
    entry read just before a close can at worst let the command try and be refused.
    A change made by another process (a CLI, a second bot) is noticed through the
    database's `elsewhere_generation`: when it moved, everything cached is dropped."""

    def __init__(self, limit: int = 10_000) -> None:
        self._limit = limit
        self._by_workspace: dict[str, dict[str, Campaign]] = {}
        self._size = 0
        # Bumped by forget(): a read that started before it must not store what it read.
        self._generation = 0
        self._elsewhere = 0  # the database's elsewhere_generation the entries were read at

    async def find(self, db: Db, workspace: str, slug: str) -> Campaign | None:
        if db.elsewhere_generation != self._elsewhere:
            self._elsewhere = db.elsewhere_generation
            self.forget_all()
        known = self._by_workspace.get(workspace)
        if known is not None and slug in known:
            return known[slug]
        generation = self._generation
        row = await db.fetchone(
            f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE workspace = ? AND slug = ?",
            (workspace, slug),
        )
        found = None if row is None else campaign_from_row(row)
        if found is not None and generation == self._generation:
            if self._size >= self._limit:
                self._by_workspace.clear()
                self._size = 0
            known = self._by_workspace.setdefault(workspace, {})
            self._size += slug not in known
            known[slug] = found
        return found

    def forget(self, workspace: str) -> None:
        """Drop what is known of a workspace's campaigns (one was created or closed)."""
        self._size -= len(self._by_workspace.pop(workspace, {}))
        self._generation += 1

    def forget_all(self) -> None:
        """Drop every entry (another process may have changed any campaign)."""
        self._by_workspace.clear()
        self._size = 0
        self._generation += 1

"""Campaign pages: a campaign's public page (by its unguessable token) and web signatures."""

from __future__ import annotations

from typing import Protocol

from storage.campaigns.models import Campaign, JoinOutcome, Member
from storage.strikes import Strike


class PageStore(Protocol):
    """Publication of campaign pages and the signatures made on them. Times and days are ISO
    strings chosen by the caller's clock."""

    async def publish(self, campaign_id: int, token: str, now: str) -> str:
        """Publish under `token`; an already published campaign keeps (and returns) its own."""
        ...

    async def unpublish(self, campaign_id: int) -> bool:
        """Take the page down (its sign-ups stay); False when it was not published."""
        ...

    async def token_of(self, campaign_id: int) -> str | None: ...

    async def campaign_by_token(self, token: str) -> Campaign | None:
        """The published campaign behind a page's token, or None (never published, taken
        down, or deleted)."""
        ...

    async def sign(
        self, campaign_id: int, member: Member, email: str, removal_hash: str, now: str, today: str
    ) -> JoinOutcome:
        """Sign up once (refused when closed or ended); on JOINED the removal link's hash and
        the opted-in email ('' when none) are kept beside the sign-up, in one transaction."""
        ...

    async def removal_campaign(self, removal_hash: str) -> Campaign | None:
        """The campaign a removal link's signature belongs to, or None when it is gone."""
        ...

    async def remove(self, removal_hash: str) -> bool:
        """Delete the signature behind a removal link (its web row goes with it); False when
        there was none."""
        ...

    async def strike(
        self, campaign_id: int, number: int, platform: str, user_id: str, now: str
    ) -> Strike:
        """Delete web signer `number` (export order) and record who struck it, at once."""
        ...

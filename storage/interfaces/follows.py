"""Who follows which place, for follow notifications."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Member:
    """A person on one chat platform and workspace."""

    platform: str
    workspace: str
    user_id: str


@dataclass(frozen=True)
class FollowTarget:
    """A followable place: its subject key (storage.subjects), the label members see, its
    state, and its county-wide keys (encoded with storage.subjects.encode_keys)."""

    key: str
    label: str
    state: str
    county_keys: str


@dataclass(frozen=True)
class Follow:
    place_key: str
    place_label: str
    created_at: str


class FollowStore(Protocol):
    """Who follows which place, for follow notifications."""

    async def follow(
        self, member: Member, target: FollowTarget, at: dt.datetime, user_name: str
    ) -> bool:
        """Follow a place; False when already following it. Raises OverflowError (with the
        limit in words) when the member follows the most places one may."""
        ...

    async def unfollow(self, member: Member, place_key: str) -> bool:
        """Stop following; False when the member did not follow it."""
        ...

    async def following(self, member: Member) -> list[Follow]:
        """What the member follows, by label."""
        ...

"""Who follows which place, for follow notifications."""

from __future__ import annotations

from dataclasses import dataclass


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

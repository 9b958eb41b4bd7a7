"""A workspace's default language, and the log of who set it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Workspace:
    """A Discord guild, a Slack team or "console", on its platform."""

    platform: str
    workspace: str


@dataclass(frozen=True)
class LanguageSetting:
    """A change of a workspace's default language: `language` "" is `auto` (cleared)."""

    where: Workspace
    language: str
    user_id: str  # who set it (a workspace admin)
    at: str  # ISO UTC timestamp


@dataclass(frozen=True)
class WorkspaceLanguage:
    """The default in force: its language, and when and by whom it was last set ("" when
    that person erased their data)."""

    language: str
    set_at: str
    set_by: str

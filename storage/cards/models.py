"""Where campaign cards were posted, so that their count can be kept true.

A sign-up, a leave or the campaign closing marks its cards stale (in the same transaction,
whatever process made the change); the card refresher claims stale cards that are due,
edits them and reports how it went. Only where each message is gets stored, never who
signed up."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NewCard:
    """A card just posted: which campaign, and where its message is."""

    campaign_id: int
    platform: str
    workspace: str
    channel: str
    message_id: str
    # What the platform said of the workspace's language when it was posted (Discord's
    # guild locale; "" elsewhere): the refresher says its edits in the post's language.
    workspace_locale: str


@dataclass(frozen=True)
class Card(NewCard):
    id: int
    attempts: int  # failed edits in a row
    edited_at: str | None
    deleted_at: str | None  # set once the message was found gone

"""The durable outbox of direct messages waiting to be delivered."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Notification:
    id: int
    change_id: int
    platform: str
    workspace: str
    user_id: str
    user_name: str  # display name, for a notify-channel post when DMs are closed
    text: str
    attempts: int
    next_attempt_at: str
    last_error: str
    # Set for a campaign announcement (change_id is then 0): such a row gives up when the
    # member's DMs are closed instead of going to the notify channel.
    announcement_id: int | None = None


@dataclass(frozen=True)
class OutboxStats:
    pending: int
    failing: int  # pending with at least one failed attempt
    delivered: int
    oldest_pending: str  # created_at of the oldest pending one, '' when none
    gave_up: int = 0  # campaign messages left after their last attempt (follow ones never are)


# The two kinds of message the outbox carries (OutboxStore.stats_by_kind), named as a reader
# knows them: a follow notification is about a fact change at a place the member follows; a
# campaign message is an organizer's announcement or a campaign's closing summary.
FOLLOW = "Follow notifications"
CAMPAIGN = "Campaign messages"

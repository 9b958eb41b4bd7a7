"""Who is an admin or organizer on Slack.

Listed user ids (`SLACK_ADMIN_USER_IDS`, `SLACK_ORGANIZER_USER_IDS`) decide first.
Optionally, the workspace's own owners and admins count as Counterwatch admins;
that needs `users.info` (scope users:read), whose answer is cached for a while so
a busy channel does not call it on every command: at most CACHE_SIZE members per process
(the least recently asked forgotten first), each answer for WORKSPACE_ADMIN_CACHE_SECONDS,
as bot/platforms/slack/locales.py keeps members' locales. An admin acts on their own workspace's
campaigns and templates; only a home team's admins (SLACK_HOME_TEAM_IDS) change the
shared facts (bot.core.home).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.models import Role
from bot.platforms.slack.delivery import slack_error

log = logging.getLogger("counterwatch.slack")

WORKSPACE_ADMIN_CACHE_SECONDS = 10 * 60
# Every member who ever typed a command would stay in memory otherwise: a large workspace
# (or many) grows the process without end.
CACHE_SIZE = 10_000


class RoleResolver:
    def __init__(
        self,
        admin_ids: frozenset[str],
        organizer_ids: frozenset[str],
        client: AsyncWebClient | None = None,
        clock: Callable[[], float] = time.monotonic,
        size: int = CACHE_SIZE,
    ) -> None:
        """`client` set: workspace owners/admins (read with users.info) are admins too."""
        self._admin_ids = admin_ids
        self._organizer_ids = organizer_ids
        self._client = client
        self._clock = clock
        self._size = size
        # (team, user) -> (is an admin of that team, until when the answer holds)
        self._workspace_admins: OrderedDict[tuple[str, str], tuple[bool, float]] = OrderedDict()

    async def role_of(self, user_id: str, team_id: str = "") -> Role:
        if user_id in self._admin_ids:
            return Role.ADMIN
        if self._client is not None and await self._is_workspace_admin(user_id, team_id):
            return Role.ADMIN
        if user_id in self._organizer_ids:
            return Role.ORGANIZER
        return Role.MEMBER

    async def _is_workspace_admin(self, user_id: str, team_id: str) -> bool:
        assert self._client is not None
        now = self._clock()
        key = (team_id, user_id)
        cached = self._workspace_admins.get(key)
        if cached is not None and cached[1] > now:
            self._workspace_admins.move_to_end(key)  # the busiest members stay remembered
            return cached[0]
        try:
            response = await self._client.users_info(user=user_id)
        except SlackApiError as exc:
            # Fail closed: an unknown answer grants nothing, and is not cached.
            log.warning("users.info failed for a role check: %s", slack_error(exc))
            return False
        user = response.get("user") or {}
        # An admin of another team (a guest through a shared channel) is none of this one's.
        own_team = not team_id or str(user.get("team_id") or team_id) == team_id
        is_admin = own_team and bool(user.get("is_admin") or user.get("is_owner"))
        self._workspace_admins[key] = (is_admin, now + WORKSPACE_ADMIN_CACHE_SECONDS)
        self._workspace_admins.move_to_end(key)
        while len(self._workspace_admins) > self._size:
            self._workspace_admins.popitem(last=False)
        return is_admin

"""A Slack member's language, as Slack knows it: `users.info` with `include_locale`.

Slack's slash commands and interactions carry no locale, so the adapter asks once per member
and remembers the answer (scope `users:read`, in the manifest). The cache is bounded and its
answers expire, so a member who changes Slack's language is followed within the hour. A
failed or slow call answers "" (English, unless the member chose with /language) and is
remembered for a shorter while, so a workspace that did not grant the scope costs one call
per member per CACHE_FAILED_SECONDS, never one per command.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.platforms.slack.delivery import slack_error

log = logging.getLogger("counterwatch.slack")

CACHE_SECONDS = 60 * 60
CACHE_FAILED_SECONDS = 10 * 60
CACHE_SIZE = 10_000
# Slack answers within 3 s and a reply ready within 1 s goes out in the acknowledgement:
# the language is not worth missing that for.
ASK_TIMEOUT_SECONDS = 0.8


class LocaleResolver:
    def __init__(
        self,
        client: AsyncWebClient | None,
        clock: Callable[[], float] = time.monotonic,
        size: int = CACHE_SIZE,
    ) -> None:
        """`client` None: nobody is asked (every member's platform locale is unknown)."""
        self._client = client
        self._clock = clock
        self._size = size
        # (team, user) -> (the locale Slack gave, e.g. 'es-LA', or ""; until when it holds)
        self._known: OrderedDict[tuple[str, str], tuple[str, float]] = OrderedDict()

    async def locale_of(self, user_id: str, team_id: str = "") -> str:
        if self._client is None or not user_id:
            return ""
        key, now = (team_id, user_id), self._clock()
        cached = self._known.get(key)
        if cached is not None and cached[1] > now:
            return cached[0]
        locale, holds_for = await self._ask(user_id)
        self._known[key] = (locale, now + holds_for)
        self._known.move_to_end(key)
        while len(self._known) > self._size:
            self._known.popitem(last=False)
        return locale

    async def _ask(self, user_id: str) -> tuple[str, float]:
        assert self._client is not None
        try:
            response = await asyncio.wait_for(
                self._client.users_info(user=user_id, include_locale=True), ASK_TIMEOUT_SECONDS
            )
        except SlackApiError as exc:
            log.warning("users.info failed for a member's locale: %s", slack_error(exc))
            return "", CACHE_FAILED_SECONDS
        except TimeoutError:
            log.warning("users.info did not answer within %ss (locale)", ASK_TIMEOUT_SECONDS)
            return "", CACHE_FAILED_SECONDS
        user = response.get("user") or {}
        return str(user.get("locale") or ""), CACHE_SECONDS

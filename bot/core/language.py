"""Which language each reader gets: the one rule, by audience (docs/languages.md).

- A reply only the asker sees (every reply by default, and every error): the asker's
  language, decided once per request (`request_locale`): their own choice (/language,
  stored), then what their platform says of them (Discord's interaction locale, Slack's
  users.info locale, the console's --lang or LANG: each adapter puts it on the Identity),
  then English. A command with a `language` option given (the letters) is answered in that
  language: it was asked for.
- What is posted for a whole channel (a `share:yes` answer, a campaign card, whatever a
  command posts publicly): the workspace's language (`workspace_language`), whoever asked:
  the default its admins stored (/language es workspace:yes), then what the platform says of
  the workspace (Discord's guild locale; Slack and the console say nothing), then English.
  A campaign card says its campaign's own language first (commands/campaigns/cards.py).
  `audience_language` and `for_audience` apply it.
- What is delivered to one person later (a DM, a reminder, an announcement, a follow
  notification): that person's stored choice, else English (no request of theirs is
  running, so their platform's locale is unknown): notifications/delivery.py.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

from bot.core import tracebacks
from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import DIRECT_MESSAGES
from lexicon.i18n import DEFAULT, current, normalize, using
from storage.workspaces.models import Workspace

T = TypeVar("T")

log = logging.getLogger("counterwatch.dispatch")


async def request_locale(deps: Deps, platform: str, user_id: str, platform_locale: str) -> str:
    """The locale to answer this member in (a code of lexicon.i18n.SUPPORTED, or the pseudo
    locale a test's console asked for)."""
    try:
        chosen = await deps.storage.languages.remembered(platform, user_id, deps.clock())
    except Exception as exc:
        # Storage answers a fault with its last known choice; anything else it raises must
        # not cost the member their answer: it is logged (types and frames only) and the
        # platform's locale applies.
        log.error("reading a member's language failed: %s", tracebacks.describe(exc))
        chosen = None
    return chosen or normalize(platform_locale) or DEFAULT


def asked_language(options: Mapping[str, object], locale: str) -> str:
    """A `language:` option given with the command wins over the member's locale."""
    asked = normalize(str(options.get("language") or ""))
    return asked or locale


async def workspace_language(
    deps: Deps, platform: str, workspace: str, platform_locale: str
) -> str:
    """The language of what is posted for a whole channel of `workspace`: the default its
    admins stored, else what the platform says of the workspace (`platform_locale`: Discord's
    guild locale, "" elsewhere), else English."""
    try:
        stored = await deps.storage.workspace_languages.remembered(
            Workspace(platform, workspace), deps.clock()
        )
    except Exception as exc:
        # As for a member's language: a fault must not cost the channel its post.
        log.error("reading a workspace's language failed: %s", tracebacks.describe(exc))
        stored = None
    return stored or normalize(platform_locale) or DEFAULT


async def audience_language(ctx: Ctx, public: bool) -> str:
    """The language a reply is written in: the asker's when only they see it (`public`
    False), the workspace's when it is posted for the channel. A direct message's channel
    is the asker's alone: theirs."""
    if not public or ctx.workspace == DIRECT_MESSAGES:
        return ctx.locale
    return await workspace_language(ctx.deps, ctx.platform, ctx.workspace, ctx.workspace_locale)


async def for_audience(ctx: Ctx, public: bool, build: Callable[[], Awaitable[T]]) -> T:
    """`build()` in the language of whoever reads its result (`audience_language`).

    A UserError is for the asker alone, whatever was asked: when the channel's language is
    not theirs, it is raised again from a second `build()` in the asker's language. So
    `build` must only read (the commands with `share:` do)."""
    language = await audience_language(ctx, public)
    if language == current():
        return await build()
    try:
        with using(language):
            return await build()
    except UserError:
        pass
    # Raises the same error, now in the asker's language. (Should the facts have changed in
    # between so that it answers, the answer is in the asker's language: rare, and harmless.)
    return await build()

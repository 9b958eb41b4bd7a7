"""Which language a request is answered in, decided once per request.

The member's own choice (/language, stored) comes first; then what their platform says of
them (Discord's interaction locale, Slack's users.info locale, the console's --lang or LANG:
each adapter puts it on the Identity); then English. A command with a `language` option
given (the letters) is answered in that language: it was asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.core import tracebacks
from bot.core.deps import Deps
from lexicon.i18n import DEFAULT, normalize

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

"""Discord's hard limits (listed in docs/data.md) and the helpers that keep us inside them."""

from __future__ import annotations

import re

# Application commands
NAME_MAX = 32
DESCRIPTION_MAX = 100
MAX_OPTIONS = 25
MAX_SUBCOMMANDS = 25
MAX_STATIC_CHOICES = 25
MAX_TOP_LEVEL_COMMANDS = 100
STRING_OPTION_MAX = 6000
CHOICE_TEXT_MAX = 100
# Discord integers are JavaScript-safe integers.
INTEGER_MIN = -(2**53)
INTEGER_MAX = 2**53

# Messages
CONTENT_MAX = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000  # across every embed of one message

EPHEMERAL_FLAG = 64

_NOT_NAME = re.compile(r"[^a-z0-9_-]+")


def command_name(name: str) -> str:
    """A registry name as Discord accepts it: 1-32 chars, lowercase, no spaces."""
    cleaned = _NOT_NAME.sub("-", name.strip().lower()).strip("-")[:NAME_MAX]
    return cleaned or "command"


def shorten(text: str, limit: int, *, fallback: str = "-") -> str:
    """Cut `text` to `limit` characters, marking the cut with an ellipsis."""
    text = " ".join(text.split()) if limit <= DESCRIPTION_MAX else text
    if not text:
        return fallback
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

"""The locale of the request being answered, carried by a context variable.

A context variable rather than an argument: code deep inside a command (a check raising a
UserError, a helper wording a date) translates without every caller passing the language,
and each asyncio task sees the locale of the request it serves (tasks copy the context).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from lexicon.i18n.locales import DEFAULT

_LOCALE: ContextVar[str] = ContextVar("counterwatch_locale", default=DEFAULT)


def current() -> str:
    """The locale replies are being written in ('en' outside any request)."""
    return _LOCALE.get()


@contextmanager
def using(locale: str) -> Iterator[str]:
    """Write in `locale` inside the block; the previous locale comes back after it."""
    token = _LOCALE.set(locale or DEFAULT)
    try:
        yield locale
    finally:
        _LOCALE.reset(token)

"""Tracebacks fit for the log: where a failure happened, never what its message said.

An exception's message may quote what a user typed (`ValueError(f"no place {text!r}")`, a
UnicodeEncodeError naming the character, a Jinja error quoting a template), so
`log.exception` would write message contents to the log. These helpers keep the frames (file,
line, function, source line) and the exception's type, for the whole chain, and drop every
message.
"""

from __future__ import annotations

import traceback

_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def describe(exc: BaseException) -> str:
    """A traceback like Python's, with each exception's type instead of its message."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts.append(_one(current) + link)
        if current.__cause__ is not None:
            current, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, _CONTEXT
        else:
            current = None
    return "".join(reversed(parts)).rstrip("\n")


def _one(exc: BaseException) -> str:
    frames = "".join(traceback.format_tb(exc.__traceback__))
    text = f"Traceback (most recent call last):\n{frames}{type_name(exc)}\n"
    if isinstance(exc, BaseExceptionGroup):  # a TaskGroup's failures: each one's type
        inner = "".join(
            f"  sub-exception {n}: {describe(sub)}\n" for n, sub in enumerate(exc.exceptions, 1)
        )
        text += inner
    return text


def type_name(exc: BaseException) -> str:
    cls = type(exc)
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"

"""Organizers' letter templates: the Jinja sandbox, its rules, and where untrusted ones run.

A feature floor like charts/: it imports nothing of the project, so that its worker
processes (templating/pool.py) start with Jinja and the rules alone. Shipped templates
are trusted code and render in the bot's process (commands/letters); a template an
organizer wrote is checked and rendered only through the functions below, in a worker
with memory and time limits.
"""

from __future__ import annotations

from collections.abc import Mapping

from templating import jobs
from templating.pool import (
    IsolatedError,
    TemplateBusy,
    TemplatePool,
    TemplateRefused,
    TemplateStopped,
    default_pool,
)

__all__ = [
    "IsolatedError",
    "TemplateBusy",
    "TemplatePool",
    "TemplateRefused",
    "TemplateStopped",
    "check_new",
    "default_pool",
    "fields_of",
    "render_custom",
]


async def fields_of(source: str, pool: TemplatePool | None = None) -> frozenset[str]:
    """Stored source validated again; the fields it reads."""
    return await (pool or default_pool()).run(jobs.fields_of, source)


async def check_new(source: str, language: str, pool: TemplatePool | None = None) -> frozenset[str]:
    """A new template validated and tried on made-up facts; the fields it reads."""
    return await (pool or default_pool()).run(jobs.check_new, source, language)


async def render_custom(
    source: str, context: Mapping[str, object], pool: TemplatePool | None = None
) -> str:
    """A draft of stored source with the facts in `context`."""
    return await (pool or default_pool()).run(jobs.render_custom, source, dict(context))

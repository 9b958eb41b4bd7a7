"""What a worker does with an organizer's template: check it, or draft with it.

These run inside the worker process (templating/child.py), never on the bot's loop: a
template that slipped past the rules can exhaust only that worker's memory and time.
Refusals are raised as TemplateRejected or RenderError; the worker sends their one-line
message back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from jinja2 import Template

from templating.engine import RenderError, compile_template, make_environment, render
from templating.sample import longest_context, sample_context
from templating.validate import TemplateRejected, check_source

_ENV = make_environment()
_COMPILED: dict[str, Template] = {}
MAX_COMPILED = 64  # per worker; the bot's drafts reuse a few templates


def fields_of(source: str) -> frozenset[str]:
    """Validate stored source again (rules may have tightened) and name the fields it reads."""
    return check_source(_ENV, source).fields


def check_new(source: str, language: str) -> frozenset[str]:
    """`/letter add`: validate, then render against made-up facts, once with the user's
    values as long as a draft allows: what fails here would fail at draft time."""
    fields = check_source(_ENV, source).fields
    template = _compiled(source)
    for context in (sample_context(language), longest_context(language)):
        try:
            render(template, context)
        except RenderError as exc:
            raise TemplateRejected(f"The template does not render: {exc}.") from None
    return fields


def render_custom(source: str, context: Mapping[str, object]) -> str:
    """A draft with stored source (validated again before it is first compiled here)."""
    return render(_compiled(source), context)


def _compiled(source: str) -> Template:
    key = hashlib.sha256(source.encode()).hexdigest()
    template = _COMPILED.get(key)
    if template is None:
        if len(_COMPILED) >= MAX_COMPILED:
            _COMPILED.pop(next(iter(_COMPILED)))
        check_source(_ENV, source)  # stored source may predate a rule; never compile it unchecked
        template = _COMPILED[key] = compile_template(_ENV, source)
    return template

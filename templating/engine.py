"""The one Jinja environment for letters and petitions, and a guarded render.

Letters are plain text, so autoescape is off; every value users supply arrives as
data in the render context and is never compiled. Custom templates are validated
before they are stored (see `validate.py`); this module is the second line: a
sandbox with no globals, no arithmetic (so nothing like `'x' * 10**9` can be built,
not even by constant folding at compile time), no `join` with a separator (joining a
string puts the separator between each of its characters: three joins of a 1,000-character
literal make a 10^9-character string, folded at compile time, before any output cap), no
loader (so no include/import), and an output cap enforced while the template streams.
Every filter left returns at most a small multiple of its input's size.

Custom templates also render and validate in a worker process with memory and time
limits (templating/pool.py): whatever this sandbox misses can only fail that one render.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, pass_eval_context
from jinja2.exceptions import SecurityError
from jinja2.nodes import EvalContext
from jinja2.sandbox import SandboxedEnvironment

MAX_OUTPUT_CHARS = 20_000  # a long letter is ~4,000; a petition with its laws ~6,000

# Every operator Jinja lets a sandbox intercept. Intercepted operators are not folded
# at compile time, so `{{ 'x' * 10**9 }}` cannot allocate anything before we refuse it.
_ARITHMETIC = frozenset({"+", "-", "*", "/", "//", "%", "**"})

# Only the filters a letter needs; each returns at most a few times its input's size
# (`upper` may turn one character into three), `join` only without a separator.
SAFE_FILTERS = frozenset(
    {
        "capitalize",
        "default",
        "first",
        "join",
        "last",
        "length",
        "lower",
        "title",
        "trim",
        "upper",
    }
)
SAFE_TESTS = frozenset({"defined", "none", "string", "sequence", "eq", "ne", "in"})


class RenderError(Exception):
    """A template could not be rendered safely; the message is fit for the user."""


class LetterEnvironment(SandboxedEnvironment):
    """Sandboxed, StrictUndefined, autoescape off, no globals, no arithmetic, no loader."""

    intercepted_binops = _ARITHMETIC
    intercepted_unops = frozenset({"-", "+"})

    def __init__(self) -> None:
        super().__init__(
            undefined=StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
            cache_size=0,  # no loader, nothing to cache by name
        )
        # No range/cycler/joiner/namespace/lipsum/dict: nothing to loop over but the facts.
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in SAFE_FILTERS}
        self.filters["join"] = _joiner(self.filters["join"])
        self.tests = {name: self.tests[name] for name in SAFE_TESTS}

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        raise SecurityError("arithmetic is not available in letter templates")

    def call_unop(self, context: Any, operator_: str, arg: Any) -> Any:
        raise SecurityError("arithmetic is not available in letter templates")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # A letter calls nothing: no `'x'.center(10**9)`, no `loop.cycle`, no str.format.
        raise SecurityError("calling functions is not available in letter templates")


JOIN_REFUSED = "join with a separator is not available in letter templates"


def _joiner(join: Any) -> Any:
    """Jinja's `join`, refusing a separator. Raising also keeps the compile-time optimizer
    from folding a constant join: it renders the node at run time instead, where this
    refuses it again."""

    @pass_eval_context
    def join_without_separator(
        eval_ctx: EvalContext, value: Any, d: str = "", attribute: Any = None
    ) -> Any:
        if d:
            raise SecurityError(JOIN_REFUSED)
        return join(eval_ctx, value, "", attribute)

    return join_without_separator


def make_environment() -> LetterEnvironment:
    return LetterEnvironment()


def compile_template(env: LetterEnvironment, source: str) -> Template:
    """Compile trusted-or-validated source; syntax errors become RenderError."""
    try:
        return env.from_string(source)
    except TemplateError as exc:
        raise RenderError(f"the template does not compile: {exc.message or exc}") from None


def render(
    template: Template,
    context: Mapping[str, object],
    max_chars: int = MAX_OUTPUT_CHARS,
) -> str:
    """Render while counting: stop as soon as the output passes `max_chars`."""
    parts: list[str] = []
    size = 0
    try:
        for chunk in template.generate(dict(context)):
            size += len(chunk)
            if size > max_chars:
                raise RenderError(f"the draft would be longer than {max_chars:,} characters")
            parts.append(chunk)
    except SecurityError as exc:
        raise RenderError(f"the template tried something not allowed ({exc})") from None
    except TemplateError as exc:
        raise RenderError(f"the template failed: {exc.message or exc}") from None
    except (TypeError, ValueError, LookupError, OverflowError) as exc:
        raise RenderError(f"the template failed: {type(exc).__name__}") from None
    return tidy("".join(parts))


def tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out) + "\n"

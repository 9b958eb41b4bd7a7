"""The second line of defence: what the environment itself refuses at render time.

These render source that never went through validation, as if a check were missed.
"""

from __future__ import annotations

import pytest

from templating.engine import (
    MAX_OUTPUT_CHARS,
    RenderError,
    compile_template,
    make_environment,
    render,
)


def _render(source: str, **context: object) -> str:
    env = make_environment()
    return render(compile_template(env, source), context)


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ signer.__class__ }}",
        "{{ place.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ range(3) }}",
        "{% for i in range(10**9) %}x{% endfor %}",
        "{{ 'x' * 10**9 }}",
        "{{ 10**10**10 }}",
        "{{ '%999999999s' % 'x' }}",
        "{{ signer.center(999999999) }}",
        "{{ signer.format(signer) }}",
        "{% include 'ring-council.txt.j2' %}",
        "{% import 'x' as y %}{{ y }}",
        "{% extends 'x' %}",
        "{{ lipsum(10) }}",
        "{{ missing_field }}",
        "{{ signer|join(signer)|join(signer)|join(signer)|join(signer) }}",
        "{{ signer|join(d=signer) }}",
    ],
)
def test_dangerous_source_fails_cleanly(source: str) -> None:
    with pytest.raises(RenderError):
        _render(source, signer="Ana", place={"city": "Greenfield"})


def test_unsafe_filters_are_not_available() -> None:
    for source in ("{{ signer|center(999999999) }}", "{{ signer|indent(999999999) }}"):
        with pytest.raises(RenderError, match=r"filter|does not compile"):
            _render(source, signer="Ana")


def test_output_is_capped_while_streaming() -> None:
    many = ["word " * 100] * 1000  # 500,000 characters if it were let through
    with pytest.raises(RenderError, match="longer than"):
        _render("{% for w in items %}{{ w }}{% endfor %}", items=many)
    assert len(_render("{% for w in items %}{{ w }}{% endfor %}", items=many[:10])) < (
        MAX_OUTPUT_CHARS
    )


def test_values_are_data_never_source() -> None:
    hostile = "{{ 7*7 }} {% for x in y %} {# c #} ${x} <@everyone>"
    assert _render("Signed, {{ signer }}", signer=hostile) == f"Signed, {hostile}\n"


def test_plain_text_is_not_html_escaped() -> None:
    assert _render("{{ a }}", a="Tom & Jerry <t@x.org>") == "Tom & Jerry <t@x.org>\n"


def test_tidy_collapses_blank_runs_and_trailing_spaces() -> None:
    assert _render("a  \n\n\n\nb\n\n") == "a\n\nb\n"


def test_a_constant_join_is_not_folded_at_compile_time() -> None:
    """Jinja's optimizer runs constant filters while compiling; the join refuses, so the
    node stays for run time, where it is refused again: nothing big is ever built."""
    source = "{{ '" + "a" * 300 + "'|join('" + "b" * 300 + "')|join('" + "c" * 300 + "') }}"
    template = compile_template(make_environment(), source)
    with pytest.raises(RenderError, match="join with a separator"):
        render(template, {})


def test_join_without_a_separator_still_works() -> None:
    assert _render("{{ items|join }}|{{ signer|join }}", items=["a", "b"], signer="Ana") == (
        "ab|Ana\n"
    )

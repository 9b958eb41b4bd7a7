"""First line of defence: what `/letter add` refuses before anything is stored."""

from __future__ import annotations

import pytest

from templating.engine import make_environment
from templating.validate import (
    MAX_TEMPLATE_CHARS,
    TemplateRejected,
    check_name,
    check_source,
)

ENV = make_environment()


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("{{ ''.__class__.__mro__ }}", "'_'"),
        ("{{ signer.__class__ }}", "'_'"),
        ("{{ signer.mro }}", "Unknown attribute 'mro'"),
        ("{{ cycler.__init__.__globals__ }}", "Unknown field 'cycler'"),
        ("{% for i in range(10**9) %}x{% endfor %}", "Unknown field 'range'"),
        ("{{ 'x' * 10**9 }}", "arithmetic"),
        ("{{ 1000000 }}", "Numbers above"),
        ("{% include 'letters/en/ring-council.txt.j2' %}", "{% include %}"),
        ("{% import 'x' as y %}", "{% import %}"),
        ("{% from 'x' import y %}", "import"),
        ("{% extends 'x' %}", "{% extends %}"),
        ("{% macro m() %}x{% endmacro %}", "{% macro %}"),
        ("{% set x = signer %}{{ x }}", "{% set %}"),
        ("{{ signer.upper() }}", "calls"),
        ("{{ signer|center(80) }}", "Unknown filter 'center'"),
        ("{{ signer|attr('x') }}", "Unknown filter 'attr'"),
        (
            "{% for a in laws %}{% for b in laws %}{% for c in laws %}x{% endfor %}"
            "{% endfor %}{% endfor %}",
            "at most 2 deep",
        ),
        ("{% for a in laws|first %}x{% endfor %}", "Loop over a field"),
        ("{% for a, b in laws %}x{% endfor %}", "one name"),
        ("{{ partnership.joinde }}", "Unknown attribute 'joinde'"),
        ("{{ laws[signer] }}", "Index"),
        ("{{ [1, 2] }}", "list"),
        ("{% for %}", "syntax error"),
        ("{{ signer ", "syntax error"),
        ("   ", "empty"),
        ("{{ signer|join(signer)|join(signer) }}", "join may not take a separator"),
        ("{{ laws|join(', ') }}", "join may not take a separator"),
        ("{{ signer|join(d=signer) }}", "join may not take a separator"),
    ],
)
def test_refused_with_a_reason(source: str, why: str) -> None:
    with pytest.raises(TemplateRejected) as caught:
        check_source(ENV, source)
    assert why in str(caught.value) and "\n" not in str(caught.value)


def test_size_cap() -> None:
    with pytest.raises(TemplateRejected, match="too long"):
        check_source(ENV, "x" * (MAX_TEMPLATE_CHARS + 1))
    check_source(ENV, "x" * MAX_TEMPLATE_CHARS)


def test_accepts_a_plain_letter_and_reports_its_fields() -> None:
    checked = check_source(
        ENV,
        "Dear {{ recipient or 'council' }},\n{% for law in laws if law.in_force %}"
        "{{ loop.index }}. {{ law.jurisdiction|upper }}{% if not loop.last %},{% endif %}"
        "{% endfor %}\n{{ signer }}",
    )
    assert checked.fields == {"recipient", "laws", "signer"}


@pytest.mark.parametrize(
    "name", ["ab", "Ring", "ring_council", "-ring", "ring--x", "x" * 33, "1ab"]
)
def test_bad_names(name: str) -> None:
    with pytest.raises(TemplateRejected):
        check_name(name)


def test_good_names() -> None:
    assert check_name("ring-council-short") == "ring-council-short"


def test_a_constant_join_is_refused_without_being_folded() -> None:
    """Three joined 300-character literals: 27 million characters if validation folded
    them as Jinja's optimizer does (the probe's 1,000-character ones: 10^9)."""
    source = "{{ '" + "a" * 300 + "'|join('" + "b" * 300 + "')|join('" + "c" * 300 + "') }}"
    with pytest.raises(TemplateRejected, match="join may not take a separator"):
        check_source(ENV, source)


def test_join_without_a_separator_is_allowed() -> None:
    assert check_source(ENV, "{{ signer|join }}").fields == frozenset({"signer"})

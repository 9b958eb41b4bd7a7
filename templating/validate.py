"""Validation of template source before it is stored: syntax, fields, shape, size.

The sandbox (`engine.py`) already refuses unsafe operations at render time; this
check refuses them at `/letter add` time, with a message that says what to change,
so that a stored template is one that can render. It works on Jinja's AST: only
the node kinds a letter needs are allowed, only known fields and attributes, only
whitelisted filters, loops only over the facts and at most two deep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import TemplateAssertionError, TemplateSyntaxError, meta, nodes

from templating.engine import SAFE_FILTERS, SAFE_TESTS, LetterEnvironment
from templating.fields import FIELD_ATTRIBUTES, FIELDS, LOOP_ATTRIBUTES

MAX_TEMPLATE_CHARS = 8_000
MAX_LOOP_DEPTH = 2
MAX_INT_CONSTANT = 1_000
# Nesting a letter never needs, checked before anything recurses over the tree: Jinja's parser
# and visitors recurse once per level (RecursionError), and its code generator indents once per
# block (Python refuses past 100 levels), so `(((...)))` or 100 nested {% if %} crashed.
MAX_NODE_DEPTH = 40
MAX_BLOCK_DEPTH = 8
_TOO_DEEP = "The template is nested too deeply (at most {} {}); simplify it."
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
NAME_LENGTH = (3, 32)

# What each refused node is called in a message to an organizer.
_REFUSED = {
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.Extends: "{% extends %}",
    nodes.Block: "{% block %}",
    nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}",
    nodes.Call: "function or method calls",
    nodes.Assign: "{% set %}",
    nodes.AssignBlock: "{% set %}",
    nodes.With: "{% with %}",
    nodes.FilterBlock: "{% filter %}",
    nodes.BinExpr: "arithmetic",
    nodes.UnaryExpr: "arithmetic",
    nodes.List: "list literals",
    nodes.Dict: "dict literals",
    nodes.Slice: "slices",
    nodes.Scope: "{% autoescape %}",  # the only construct Jinja's parser wraps in a Scope
}
_ALLOWED = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Const,
    nodes.Name,
    nodes.Getattr,
    nodes.Getitem,
    nodes.If,
    nodes.For,
    nodes.CondExpr,
    nodes.And,
    nodes.Or,
    nodes.Not,
    nodes.Compare,
    nodes.Operand,
    nodes.Filter,
    nodes.Test,
    nodes.Concat,
    nodes.Keyword,
    nodes.Tuple,
)


class TemplateRejected(ValueError):
    """The source cannot be stored; the message says why, in one line."""


@dataclass(frozen=True)
class Checked:
    """What validation learned: the fields the template reads."""

    fields: frozenset[str]


def check_name(name: str) -> str:
    low, high = NAME_LENGTH
    if not (low <= len(name) <= high and NAME_PATTERN.fullmatch(name)):
        raise TemplateRejected(
            f"A template name is {low}-{high} lower-case letters, digits and single hyphens,"
            " starting with a letter (e.g. ring-council-short)."
        )
    return name


def check_source(env: LetterEnvironment, source: str) -> Checked:
    """Refuse anything but a plain letter template; return the fields it uses."""
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateRejected(
            f"The template is too long ({len(source):,} characters; at most"
            f" {MAX_TEMPLATE_CHARS:,})."
        )
    if not source.strip():
        raise TemplateRejected("The template is empty.")
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateRejected(
            f"Template syntax error on line {exc.lineno}: {exc.message}"
        ) from None
    except RecursionError:  # the parser recursed once per bracket or filter of `((((x))))`
        raise TemplateRejected(_TOO_DEEP.format(MAX_NODE_DEPTH, "levels")) from None
    _check_depth(tree)
    try:
        used = meta.find_undeclared_variables(tree)
    except TemplateAssertionError as exc:  # an unknown filter or test
        _check_nodes(tree, depth=0)  # names the culprit and lists the allowed ones
        raise TemplateRejected(f"Template error on line {exc.lineno}: {exc.message}") from None
    unknown = sorted(used - FIELDS)
    if unknown:
        raise TemplateRejected(
            f"Unknown field {unknown[0]!r}; the fields are: {', '.join(sorted(FIELDS))}."
        )
    _check_nodes(tree, depth=0)
    return Checked(fields=frozenset(used))


def _check_depth(tree: nodes.Template) -> None:
    """Refuse deep nesting, walking the tree without recursion."""
    stack: list[tuple[nodes.Node, int, int]] = [(tree, 0, 0)]
    while stack:
        node, depth, blocks = stack.pop()
        if depth > MAX_NODE_DEPTH:
            raise TemplateRejected(_TOO_DEEP.format(MAX_NODE_DEPTH, "levels"))
        if blocks > MAX_BLOCK_DEPTH:
            raise TemplateRejected(_TOO_DEEP.format(MAX_BLOCK_DEPTH, "blocks inside each other"))
        # An {% elif %} is a sibling of its {% if %} (Jinja keeps it as a child node and
        # generates a flat Python elif), so it nests nothing.
        siblings = node.elif_ if isinstance(node, nodes.If) else []
        stack.extend((branch, depth, blocks) for branch in siblings)
        inner = blocks + 1 if isinstance(node, nodes.If | nodes.For) else blocks
        stack.extend(
            (child, depth + 1, inner)
            for child in node.iter_child_nodes()
            if not any(child is branch for branch in siblings)
        )


def _check_nodes(node: nodes.Node, depth: int) -> None:
    _check_one(node, depth)
    inner = depth + 1 if isinstance(node, nodes.For) else depth
    for child in node.iter_child_nodes():
        # A loop's iterable is evaluated outside the loop body.
        is_iter = isinstance(node, nodes.For) and child is node.iter
        _check_nodes(child, depth if is_iter else inner)


def _check_one(node: nodes.Node, depth: int) -> None:
    # `not`, `and`, `or` are unary/binary expressions to Jinja, but not arithmetic.
    logical = isinstance(node, nodes.Not | nodes.And | nodes.Or)
    for kind, what in _REFUSED.items():
        if not logical and isinstance(node, kind):
            raise TemplateRejected(f"Templates may not use {what}{_line(node)}.")
    if not isinstance(node, _ALLOWED):
        raise TemplateRejected(f"Templates may not use {type(node).__name__}{_line(node)}.")
    if isinstance(node, nodes.For):
        _check_loop(node, depth)
    elif isinstance(node, nodes.Getattr):
        _check_attribute(node.attr, node)
    elif isinstance(node, nodes.Getitem):
        if not isinstance(node.arg, nodes.Const):
            raise TemplateRejected(f"Index with a plain number or name{_line(node)}.")
    elif isinstance(node, nodes.Const):
        _check_constant(node)
    elif isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
        raise TemplateRejected(
            f"Unknown filter {node.name!r}{_line(node)};"
            f" use one of: {', '.join(sorted(SAFE_FILTERS))}."
        )
    elif isinstance(node, nodes.Filter) and node.name == "join":
        _check_join(node)
    elif isinstance(node, nodes.Test) and node.name not in SAFE_TESTS:
        raise TemplateRejected(
            f"Unknown test {node.name!r}{_line(node)}; use one of: {', '.join(sorted(SAFE_TESTS))}."
        )


def _check_join(node: nodes.Filter) -> None:
    # A separator goes between every item, and a string's items are its characters: each
    # join multiplies the size by the separator's, so three of them make gigabytes.
    if node.args or node.dyn_args or node.dyn_kwargs or any(k.key == "d" for k in node.kwargs):
        raise TemplateRejected(
            f"join may not take a separator{_line(node)}; write it in a loop instead:"
            " {% for law in laws %}{{ law.jurisdiction }}{% if not loop.last %}, {% endif %}"
            "{% endfor %}"
        )


def _check_loop(node: nodes.For, depth: int) -> None:
    if depth >= MAX_LOOP_DEPTH:
        raise TemplateRejected(f"Loops may be at most {MAX_LOOP_DEPTH} deep{_line(node)}.")
    if node.recursive:
        raise TemplateRejected(f"Recursive loops are not allowed{_line(node)}.")
    if not isinstance(node.iter, nodes.Name | nodes.Getattr):
        raise TemplateRejected(f"Loop over a field, e.g. {{% for law in laws %}}{_line(node)}.")
    if not isinstance(node.target, nodes.Name):
        raise TemplateRejected(f"Loop with one name, e.g. {{% for law in laws %}}{_line(node)}.")


def _check_attribute(attr: str, node: nodes.Node) -> None:
    if attr.startswith("_"):
        raise TemplateRejected(f"Names starting with '_' are not allowed{_line(node)}.")
    if attr not in FIELD_ATTRIBUTES and attr not in LOOP_ATTRIBUTES:
        raise TemplateRejected(f"Unknown attribute {attr!r}{_line(node)}.")


def _check_constant(node: nodes.Const) -> None:
    value = node.value
    if isinstance(value, str) and value.startswith("_"):
        raise TemplateRejected(f"Names starting with '_' are not allowed{_line(node)}.")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if abs(value) > MAX_INT_CONSTANT:
            raise TemplateRejected(
                f"Numbers above {MAX_INT_CONSTANT} are not allowed{_line(node)}."
            )
    elif not isinstance(value, str | bool) and value is not None:
        raise TemplateRejected(f"Only text and small numbers are allowed{_line(node)}.")


def _line(node: nodes.Node) -> str:
    lineno = getattr(node, "lineno", None)
    return f" (line {lineno})" if lineno else ""

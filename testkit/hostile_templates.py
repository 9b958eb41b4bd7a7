"""Hostile templates, and a job that renders them as if our sandbox had a hole.

Kept apart from the test modules: a worker imports this module to run `unguarded_render`,
and it imports nothing but Jinja.
"""

from __future__ import annotations

from jinja2.sandbox import SandboxedEnvironment

# The probe's template, character for character: 4 + 1,000 + 8 + 1,000 + 9 + 1,000 + 5.
# Jinja folds the constant joins at compile time into a 10^9-character string.
FOLDED_BOMB = "{{ '" + "a" * 1000 + "'|join('" + "b" * 1000 + "')|join('" + "c" * 1000 + "') }}"
# 80 characters (the signer option's cap) joined into itself four times: 80^5 = 3.3 GB.
SIGNER_BOMB = "Dear council,\n{{ signer|join(signer)|join(signer)|join(signer)|join(signer) }}"
# 10^10 turns of an empty loop: what a time limit is for (ours has no `range`).
ENDLESS = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"


def unguarded_render(source: str) -> str:
    """Runs in the worker: Jinja's stock sandbox, none of our rules."""
    return SandboxedEnvironment().from_string(source).render()

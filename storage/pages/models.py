"""Values of the campaign pages: the outcome of striking a web signature."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Strike:
    struck: bool
    signed_on: str = ""  # the struck signature's day
    why_not: str = ""  # 'missing' (no such number) or 'chat' (a member's own sign-up)

"""Letter templates as organizers store them (a state's public-records law is reference data:
storage.seed.records_laws)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StoredTemplate:
    name: str
    language: str
    kind: str
    title: str
    purpose: str
    body: str
    workspace: str
    author_platform: str
    author_id: str
    author_name: str
    created: str


TEMPLATE_COLUMNS = (
    "name, language, kind, title, purpose, body, workspace, author_platform, author_id,"
    " author_name, created"
)


def template_from_row(values: Iterable[Any]) -> StoredTemplate:
    """A template from a row of TEMPLATE_COLUMNS, in that order."""
    return StoredTemplate(*tuple(values)[:11])

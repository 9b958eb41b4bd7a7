"""Letter templates as organizers store them, and the public-records law letters cite."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordsLaw:
    """A state's public-records law, as the seed names it, with its source."""

    state: str
    name: str
    name_es: str
    source_url: str
    publisher: str


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

"""Letter and petition templates that organizers add."""

from __future__ import annotations

import builtins
from typing import Protocol

from storage.letters import StoredTemplate
from storage.seed.records_laws import RecordsLaw


class LetterStore(Protocol):
    """Letter and petition templates that organizers add."""

    async def save(self, template: StoredTemplate) -> bool:
        """Add it, or replace the same workspace's template of that name and language.

        True when it replaced one. Raises storage.errors.Refused when another workspace
        owns the name (names are unique so that campaigns can name a template)."""
        ...

    async def remove(self, workspace: str, name: str) -> int:
        """Remove every language of a workspace's template; how many versions went."""
        ...

    async def list(self, workspace: str) -> builtins.list[StoredTemplate]:
        """A workspace's templates, by name then language."""
        ...

    async def get(self, name: str, workspace: str | None = None) -> builtins.list[StoredTemplate]:
        """Every language of one template; in any workspace when `workspace` is None."""
        ...

    async def records_law(self, state: str) -> RecordsLaw | None:
        """The state's public-records law when the seed names it with a source, else None."""
        ...

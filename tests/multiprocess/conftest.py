"""Every test in this folder runs several bot processes on one PostgreSQL server: marked
`multiprocess` here (beside `postgres`, which tests/pg_fixtures.py sets), so a new module
placed here is left out of `make test-fast` without anyone listing it."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.multiprocess)

"""The world's database file, built once per session and copied by each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.adversarial.world import build_world_file


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_world_file(tmp_path_factory.mktemp("world") / "world.db")

"""The populated SQLite source, built once for every copy-db test (the Atlas import is
the slow part); and a port nothing listens on."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.storage.copy_db.world import populate


@pytest.fixture(scope="package")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The populated SQLite file, built once; a test copies it before changing it."""
    path = tmp_path_factory.mktemp("copydb") / "source.db"
    asyncio.run(populate(path))
    return path


@pytest.fixture
def free_port() -> Iterator[int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    yield port

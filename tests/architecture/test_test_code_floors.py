"""bench/ imports no test module, and testkit/ (what both use) imports neither: every import,
also those inside functions, since a benchmark's lazy import runs as surely as any."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_packages(path: Path) -> set[str]:
    """The top-level package of every import in the file (relative ones stay inside it)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def offending(folder: str, forbidden: set[str]) -> list[str]:
    return sorted(
        f"{path.relative_to(ROOT)} imports {', '.join(sorted(packages))}"
        for path in (ROOT / folder).rglob("*.py")
        if (packages := imported_packages(path) & forbidden)
    )


@pytest.mark.parametrize(
    ("folder", "forbidden"), [("bench", {"tests"}), ("testkit", {"tests", "bench"})]
)
def test_no_import_reaches_up(folder: str, forbidden: set[str]) -> None:
    assert offending(folder, forbidden) == []


def test_a_lazy_import_is_seen(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f() -> None:\n    from tests.conftest import FIXED_NOW\n")
    assert imported_packages(module) == {"tests"}

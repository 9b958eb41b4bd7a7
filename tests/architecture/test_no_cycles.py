"""No module imports itself through others: the import graph of every package in the
repository (and the top-level modules beside them) has no cycle.

Module-level imports only: an import inside a function runs when the function does, after
every module finished loading, so it cannot deadlock a start-up; an import under
`if TYPE_CHECKING:` never runs at all. The cycle check is the standard library's
`graphlib.TopologicalSorter`, which names the modules of the first circle it meets.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules(root: Path) -> dict[str, Path]:
    """Every package found at the top of `root` (a folder with __init__.py), and the .py
    files beside them."""
    found = {module_name(p, root): p for p in root.glob("*.py")}
    for package in sorted(p.parent for p in root.glob("*/__init__.py")):
        found |= {module_name(p, root): p for p in package.rglob("*.py")}
    return found


def _module_level(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """The imports run when the module loads: its body, and the branches of its top-level
    if/try blocks, but not `if TYPE_CHECKING:`."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if "TYPE_CHECKING" not in ast.unparse(node.test):
                found += _module_level(node.body) + _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                found += _module_level(block)
            for handler in node.handlers:
                found += _module_level(handler.body)
    return found


def imported_by(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports at module level."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _module_level(ast.parse(path.read_text(), str(path)).body):
        if isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names}
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:  # `from a import b` imports a.b when it is a module
            targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {t for t in targets if t in known and t != name}


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = project_modules(root)
    known = set(modules)
    return {name: imported_by(name, path, known) for name, path in modules.items()}


def first_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as cycle:
        return list(cycle.args[1])
    return None


def test_every_package_is_in_the_graph() -> None:
    graph = import_graph(ROOT)
    for package in ("bot", "commands", "places", "notifications", "charts", "storage", "lexicon"):
        assert package in graph, package
    assert "wiring" in graph and "main" in graph


def test_the_project_has_no_import_circle() -> None:
    assert first_cycle(import_graph(ROOT)) is None


def test_a_circle_is_found(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "__init__.py").write_text("")
    (tmp_path / "a" / "b.py").write_text("from a import c\n")
    (tmp_path / "a" / "c.py").write_text("from . import b\n")
    (tmp_path / "a" / "d.py").write_text("import a.b\n")
    (tmp_path / "a" / "e.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import f\n"
    )
    (tmp_path / "a" / "f.py").write_text("def later() -> None:\n    from a import e\n")
    graph = import_graph(tmp_path)
    assert graph["a.d"] == {"a.b"} and graph["a.e"] == graph["a.f"] == set()
    cycle = first_cycle(graph)
    assert cycle is not None and set(cycle) == {"a.b", "a.c"}


@pytest.mark.parametrize("body", ["x = 1\n", "from a import b\n"])
def test_no_circle_without_one(tmp_path: Path, body: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "__init__.py").write_text("")
    (tmp_path / "a" / "b.py").write_text("x = 1\n")
    (tmp_path / "a" / "c.py").write_text(body)
    assert first_cycle(import_graph(tmp_path)) is None

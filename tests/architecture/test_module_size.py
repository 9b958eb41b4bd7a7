"""No Python file of the project is over 300 lines (the house rule for small modules): a file
that outgrows it is split by responsibility, not trimmed of its comments. Every tracked .py
file under the project's packages counts, tests and benchmarks included."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MAX_LINES = 300
PACKAGES = (
    "bot", "commands", "places", "notifications", "charts", "templating", "storage", "lexicon",
    "testkit", "tests", "bench",
)  # fmt: skip
TOP_MODULES = ("main.py", "wiring.py")


def tracked_python_files(root: Path) -> list[Path]:
    """The files git tracks (a stray local file is not the project's); outside a git
    checkout, every .py file under the packages."""
    listed = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z", "--", *PACKAGES, *TOP_MODULES],
        capture_output=True,
        text=True,
        check=False,
    )
    if listed.returncode == 0:
        names = [name for name in listed.stdout.split("\0") if name.endswith(".py")]
        return sorted(root / name for name in names if (root / name).exists())
    found = [path for package in PACKAGES for path in (root / package).rglob("*.py")]
    return sorted([*found, *(root / name for name in TOP_MODULES if (root / name).exists())])


def offenders(root: Path, files: list[Path], limit: int = MAX_LINES) -> list[str]:
    """`path: N lines` for each file over the limit, largest first."""
    sizes = [(len(path.read_text(encoding="utf-8").splitlines()), path) for path in files]
    return [
        f"{path.relative_to(root)}: {lines} lines"
        for lines, path in sorted(sizes, key=lambda size: (-size[0], size[1]))
        if lines > limit
    ]


def test_no_project_file_is_over_300_lines() -> None:
    files = tracked_python_files(REPO)
    assert len(files) > 100  # the listing found the project, not an empty folder
    assert offenders(REPO, files) == []


def test_an_oversized_file_is_named_with_its_length(tmp_path: Path) -> None:
    small, big = tmp_path / "small.py", tmp_path / "big.py"
    small.write_text("x = 1\n" * MAX_LINES)
    big.write_text("x = 1\n" * (MAX_LINES + 1))
    assert offenders(tmp_path, [small, big]) == [f"big.py: {MAX_LINES + 1} lines"]

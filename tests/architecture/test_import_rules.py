"""The house rules hold because a tool checks them: a forbidden import fails `make test`.

Each case copies the source tree to a temporary folder, adds one import that breaks a
rule, and runs import-linter there as `make lint` does: it must fail, naming the rule.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "bot",
    "commands",
    "places",
    "notifications",
    "charts",
    "templating",
    "storage",
    "lexicon",
)
FLOORS = "Floors: a module imports only the floors below its own"
CHAT = "Chat libraries (discord, slack_bolt, slack_sdk) only under bot/platforms"
DRIVERS = "Database drivers (aiosqlite, sqlite3, asyncpg) only under storage"
CIRCLES = "No import circles between sibling modules"
SURFACE = "Storage seen from above: repositories and models, never its SQL"


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(exe), "--no-logo", "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_tree_as_it_is_keeps_every_rule(tree: Path) -> None:
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout
    for rule in (FLOORS, CHAT, DRIVERS, CIRCLES, SURFACE):
        assert f"{rule} KEPT" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "rule"),
    [
        ("commands/help.py", "import aiosqlite", DRIVERS),
        ("places/names.py", "import sqlite3", DRIVERS),
        ("notifications/delivery.py", "import asyncpg", DRIVERS),
        ("commands/help.py", "import discord", CHAT),
        ("storage/letters/repository.py", "from bot.core import models", FLOORS),
        ("bot/core/dispatch.py", "import places.index", FLOORS),
        ("lexicon/states.py", "import storage.errors", FLOORS),
        ("commands/facts/text.py", "import commands.facts.ring", CIRCLES),
        ("commands/help.py", "import storage.sql", SURFACE),
        ("places/names.py", "import storage.campaigns.privacy", SURFACE),
        ("bot/core/deps.py", "import storage.postgres.db", SURFACE),
    ],
)
def test_a_forbidden_import_fails_naming_the_rule(
    tree: Path, module: str, line: str, rule: str
) -> None:
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert f"{rule} BROKEN" in result.stdout, result.stdout
    assert line.split()[-1].split(".")[0] in result.stdout  # and it names the import

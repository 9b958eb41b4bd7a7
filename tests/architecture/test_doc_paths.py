"""Every repo path and module name the docs give exists, so that a reader who follows
ARCHITECTURE.md or docs/ lands on a real file, and docs say nothing of files outside the repo.

What counts as a path: a `backticked` span whose first part is one of the repo's top-level
names (`storage/sql.py`, `tests/pg_fixtures.py`, `main.py`), and every relative markdown
link. A module name: a backticked dotted name starting with a top-level package or module
(`bot.core.deps.utc_now`, `storage.sql.skip_locked`, `wiring.wire_deps`), checked by import.
Placeholders (`<lang>`, `NNNN`, `*`) are not paths.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = sorted([REPO / "ARCHITECTURE.md", REPO / "README.md", *(REPO / "docs").glob("*.md")])
TOP_DIRS = {
    "bot", "commands", "places", "notifications", "charts", "templating", "storage", "lexicon",
    "templates", "tests", "bench", "docs", "deploy", "scripts", ".ci",
}  # fmt: skip
TOP_FILES = {
    "main.py", "wiring.py", "pyproject.toml", "README.md", "ARCHITECTURE.md", "Makefile",
    "requirements.lock",
}  # fmt: skip
MODULE_ROOTS = ("bot", "commands", "places", "notifications", "charts", "templating", "storage",
                "lexicon", "wiring", "main")  # fmt: skip
PROSE_PATH = re.compile(
    r"(?<![\w/.<-])((?:" + "|".join(sorted(TOP_DIRS)).replace(".", r"\.") + r")/[\w./<>*-]*)"
)
CODE_SPAN = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")
DOTTED = re.compile(r"^[a-z_]+(\.[A-Za-z_]\w*)+(\(.*\))?$")
FILE_SUFFIXES = (".py", ".md", ".toml", ".sql", ".txt", ".j2", ".csv", ".lock", ".yml", ".db")
PLACEHOLDER = re.compile(r"[<>*{}]|NNNN|\.\.\.")
# Files outside the repo that docs used to point at; their content now lives in docs/.
OUTSIDE = ("/work/", "DESIGN.md", "PLATFORMS.md", "PROVENANCE.md", "FACTS-TIMELINE.md")


def named_paths(text: str) -> set[str]:
    found: set[str] = set()
    # Paths in prose too, e.g. "the importer (storage/importers/laws.py)".
    words = [w for span in CODE_SPAN.findall(text) for w in span.split()] + PROSE_PATH.findall(text)
    for word in words:
        word = word.strip(".,;:()'\"")
        first = word.split("/", 1)[0]
        if PLACEHOLDER.search(word) or not word:
            continue
        if ("/" in word and first in TOP_DIRS) or word in TOP_FILES:
            found.add(word)
    return found


def named_modules(text: str) -> set[str]:
    return {
        span.split("(", 1)[0]
        for span in CODE_SPAN.findall(text)
        if DOTTED.match(span)
        and span.split(".", 1)[0] in MODULE_ROOTS
        and not span.endswith(FILE_SUFFIXES)
    }


def resolves(dotted: str) -> bool:
    """`a.b.c.attr`: the longest importable module prefix, then attributes down from it."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


def missing_in(doc: Path) -> list[str]:
    text = doc.read_text(encoding="utf-8")
    missing = [p for p in sorted(named_paths(text)) if not (REPO / p.rstrip("/")).exists()]
    for link in sorted(set(LINK.findall(text))):
        target = link.split("#", 1)[0]
        if target and "://" not in target and not (doc.parent / target).exists():
            missing.append(f"{link} (link)")
    missing += [f"{m} (module name)" for m in sorted(named_modules(text)) if not resolves(m)]
    return missing


def test_every_path_and_module_the_docs_name_exists() -> None:
    report = {doc.relative_to(REPO).as_posix(): missing_in(doc) for doc in DOCS}
    broken = {doc: names for doc, names in report.items() if names}
    assert not broken, "the docs name what the repo does not have:\n" + "\n".join(
        f"  {doc}: {name}" for doc, names in broken.items() for name in names
    )


def test_docs_point_at_nothing_outside_the_repo() -> None:
    found = [
        f"  {doc.relative_to(REPO).as_posix()}: {word}"
        for doc in DOCS
        for word in OUTSIDE
        if word in doc.read_text(encoding="utf-8")
    ]
    assert not found, "docs refer to files outside the repo:\n" + "\n".join(found)


def test_the_checker_sees_a_missing_path_a_dead_link_and_a_stale_name(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text(
        "`storage/no_such.py` and `storage/outbox/repository.py`, [gone](nowhere.md), "
        "`storage.sql.no_such_name`, `storage.sql.skip_locked`, `templates/letters/<lang>/`;\n"
        "in prose, see bot/core/gone.py.\n"
    )
    assert missing_in(doc) == [
        "bot/core/gone.py",
        "storage/no_such.py",
        "nowhere.md (link)",
        "storage.sql.no_such_name (module name)",
    ]

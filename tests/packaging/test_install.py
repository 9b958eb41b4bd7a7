"""`pip install .` (not editable) into a fresh virtualenv gives a `counterwatch` command that
works from any directory: migrations, seed and templates travel inside the wheel.

Offline and in seconds: the wheel is built with this venv's (locked) setuptools and no build
isolation, installed with --no-index --no-deps into a new venv, and that venv reaches the
dependencies already installed here through a .pth line. A .pth line adds a folder without
running the .pth files inside it, so this venv's editable install of the checkout stays off:
the code that runs is the wheel's (asserted below).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# What a wheel of the checkout never needs: caches, databases, this venv, version control.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis",
    "counterwatch.db*", "counterwatch-out", "tests", "bench",
)  # fmt: skip
DATA_SUFFIXES = (".sql", ".toml", ".j2", ".pot", ".po", ".mo")
# Building a wheel and installing it takes seconds by nature: `make test-fast` leaves these
# out by this marker, `make test` runs them.
pytestmark = pytest.mark.install


def run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The checkout as a wheel, built once for this module."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    dist = tmp_path / "dist"
    pip = [sys.executable, "-m", "pip", "--quiet"]
    run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, source],
        cwd=tmp_path)  # fmt: skip
    (wheel,) = dist.glob("counterwatch-*.whl")
    return wheel


def fresh_venv(tmp_path: Path) -> Path:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path)
    (site,) = (venv / "lib").glob("python3*/site-packages")
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "dependencies.pth").write_text("".join(f"{path}\n" for path in sorted(here)))
    return venv


def data_files_in_checkout() -> set[str]:
    """Every migration, seed, template and catalog file the code reads at run time."""
    found: set[str] = set()
    for package in ("storage", "templates", "lexicon"):
        for path in (REPO / package).rglob("*"):
            if path.suffix in DATA_SUFFIXES and "__pycache__" not in path.parts:
                found.add(path.relative_to(REPO).as_posix())
    return found


def clean_env(home: Path) -> dict[str, str]:
    """No path into the checkout, no settings of the developer's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COUNTERWATCH_", "PYTHON"))}
    env.update(HOME=str(home), PYTHONNOUSERSITE="1")
    return {k: v for k, v in env.items() if not k.startswith(("DISCORD_", "SLACK_"))}


def test_the_wheel_ships_every_migration_seed_and_template(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    missing = sorted(data_files_in_checkout() - shipped)
    assert not missing, "files the code reads at run time are not in the wheel:\n" + "\n".join(
        missing
    )
    assert {"main.py", "wiring.py", "templates/__init__.py"} <= shipped


@pytest.mark.timeout(300)
def test_counterwatch_runs_from_any_directory_after_pip_install(
    wheel: Path, tmp_path: Path
) -> None:
    venv = fresh_venv(tmp_path)
    run([sys.executable, "-m", "pip", "--quiet", "--python", venv / "bin" / "python",
         "install", "--no-index", "--no-deps", wheel], cwd=tmp_path)  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = clean_env(elsewhere)
    counterwatch = venv / "bin" / "counterwatch"

    where = run([venv / "bin" / "python", "-c",
                 "import main, commands, storage, templates; "
                 "print(main.__file__, commands.__file__, storage.__file__, templates.__file__)"],
                cwd=elsewhere, env=env)  # fmt: skip
    for module_file in where.split():
        assert Path(module_file).is_relative_to(venv), f"{module_file} is not the wheel's"

    helped = run([counterwatch, "ask", "/help"], cwd=elsewhere, env=env)
    assert "Counterwatch commands" in helped and "/ring lookup <place>" in helped
    # The catalogs travel in the wheel: the console asked in Spanish answers in Spanish.
    ayuda = run([counterwatch, "--lang", "es", "ask", "/help"], cwd=elsewhere, env=env)
    assert "Comandos de Counterwatch" in ayuda and "/ring lookup <place>" in ayuda
    # The seed (package data) filled the new database: a sourced, dated fact.
    amazon = run([counterwatch, "ask", "/moratorium amazon"], cwd=elsewhere, env=env)
    assert "Amazon: facial-recognition policy timeline" in amazon and "Source:" in amazon
    # The shipped templates, read beside the code, not from the current directory.
    listed = run([counterwatch, "ask", "/letter templates"], cwd=elsewhere, env=env)
    assert "ring-council (letter; en, es)" in listed
    assert sorted(p.name for p in elsewhere.iterdir()) == ["counterwatch.db"]

"""requirements.lock agrees with pyproject.toml: every pin there is locked at the same version,
and every locked package carries hashes (`make` installs with --require-hashes). A dependency
changed in pyproject.toml without `make lock` fails here, naming it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    found: dict[str, str] = {}
    for requirement in wanted:
        name, version = requirement.split("==")
        found[canonical(name)] = version.strip()
    return found


def locked() -> dict[str, str]:
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    return {canonical(name): version for name, version in LOCKED.findall(text)}


def test_every_pin_of_pyproject_is_locked_at_its_version() -> None:
    lock = locked()
    wrong = [
        f"{name}=={version} (lock: {lock.get(name, 'absent')})"
        for name, version in sorted(pins().items())
        if lock.get(name) != version
    ]
    assert not wrong, (
        "pyproject.toml and requirements.lock disagree; run `make lock`:\n" + "\n".join(wrong)
    )


def test_every_locked_package_has_hashes() -> None:
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [b.split(" ", 1)[0] for b in blocks if "==" in b and "--hash=sha256:" not in b]
    assert len(blocks) > 50 and not unhashed, f"locked without hashes: {unhashed}"

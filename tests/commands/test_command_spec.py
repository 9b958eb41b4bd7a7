"""Every command's spec (what Discord, Slack, the console and /help are built from) is the
stored one: a change to what users type is deliberate (rewrite the file with
scripts/command-spec) rather than a side effect of a refactoring."""

from __future__ import annotations

import json
from pathlib import Path

from bot.core.spec_dump import registry_spec
from commands import build_registry

STORED = Path(__file__).with_name("command_spec.json")


def test_the_command_spec_is_the_stored_one() -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    assert registry_spec(build_registry()) == stored


def test_the_spec_names_every_command_option_and_source() -> None:
    spec = registry_spec(build_registry())
    lookup = next(c for c in spec["commands"] if c["path"] == ["ring", "lookup"])
    place = lookup["options"][0]
    assert (place["name"], place["autocomplete"], place["greedy"]) == ("place", "place", True)
    assert {"place", "company", "template"} <= set(spec["autocomplete_sources"])

"""The per-snapshot cache behind /ring lookup: built once per facts object, never reused
across a change of facts, bounded."""

from __future__ import annotations

from commands.facts.per_snapshot import PerSnapshot


class Facts:
    """Stands for a LookupFacts object: only its identity matters to the cache."""


def test_an_answer_is_built_once_per_snapshot() -> None:
    cache: PerSnapshot[str, str] = PerSnapshot()
    facts = Facts()
    built: list[str] = []

    def build() -> str:
        built.append("x")
        return f"answer {len(built)}"

    assert cache.get(facts, "Greenfield, WI", build) == "answer 1"
    assert cache.get(facts, "Greenfield, WI", build) == "answer 1"
    assert built == ["x"]


def test_new_facts_rebuild_every_answer() -> None:
    cache: PerSnapshot[str, str] = PerSnapshot()
    cache.get(Facts(), "Greenfield, WI", lambda: "before the change")
    assert cache.get(Facts(), "Greenfield, WI", lambda: "after the change") == "after the change"


def test_the_cache_stays_within_its_bound() -> None:
    cache: PerSnapshot[int, int] = PerSnapshot(max_entries=3)
    facts = Facts()
    for key in range(10):
        cache.get(facts, key, lambda: 0)
    built: list[int] = []

    def build() -> int:
        built.append(0)
        return 0

    assert cache.get(facts, 0, build) == 0
    assert built == [0]  # the first answer had been dropped to stay within 3

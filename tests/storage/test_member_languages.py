"""The language each member chose (migration 0018): stored per person and platform, read from
memory for a while, and a change made by another process seen once that while is over."""

from __future__ import annotations

import datetime as dt

from storage.members.repository import CACHE_FOR, LanguageStore
from storage.sql import Db
from tests.conftest import FIXED_NOW

NOW = FIXED_NOW.isoformat()


async def test_choose_read_and_forget(db: Db) -> None:
    store = LanguageStore(db)
    assert await store.chosen("discord", "1") is None
    await store.choose("discord", "1", "es", NOW)
    await store.choose("discord", "1", "en", NOW)  # a second choice replaces the first
    assert await store.chosen("discord", "1") == "en"
    assert await store.chosen("slack", "1") is None  # one person on one platform
    assert await store.forget("discord", "1") is True
    assert await store.forget("discord", "1") is False
    assert await store.chosen("discord", "1") is None


async def test_another_process_s_choice_is_seen_once_the_memory_lapses(db: Db) -> None:
    here, elsewhere = LanguageStore(db), LanguageStore(db)
    assert await here.remembered("slack", "U1", FIXED_NOW) is None
    await elsewhere.choose("slack", "U1", "es", NOW)
    soon = FIXED_NOW + CACHE_FOR - dt.timedelta(seconds=1)
    assert await here.remembered("slack", "U1", soon) is None  # still from memory
    assert await here.remembered("slack", "U1", FIXED_NOW + CACHE_FOR) == "es"
    # This process's own change is seen at once.
    await here.choose("slack", "U1", "en", NOW)
    assert await here.remembered("slack", "U1", FIXED_NOW + CACHE_FOR) == "en"

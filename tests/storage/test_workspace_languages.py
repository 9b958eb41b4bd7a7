"""Each workspace's default language (migration 0022): set and cleared with its author
logged, read from memory for a while (a change by another process seen once that while is
over, this process's own at once), the last known answer during a database fault; the
author's id shown by /mydata and removed by /forgetme, the setting kept."""

from __future__ import annotations

import datetime as dt

from storage.sql import Db
from storage.workspaces import repository
from storage.workspaces.models import LanguageSetting, Workspace
from storage.workspaces.repository import CACHE_FOR, CACHE_SIZE, WorkspaceLanguageStore
from tests.conftest import FIXED_NOW
from tests.db_faults import Fault, faulty, own_cluster  # noqa: F401 (fixtures)

NOW = FIXED_NOW.isoformat()
T1 = Workspace("slack", "T1")


def setting(language: str, user_id: str = "UADMIN", where: Workspace = T1) -> LanguageSetting:
    return LanguageSetting(where, language, user_id, NOW)


async def test_set_replace_and_clear_with_every_change_logged(db: Db) -> None:
    store = WorkspaceLanguageStore(db)
    assert await store.current(T1) is None
    await store.change(setting("es"))
    await store.change(setting("en", "UOTHER"))  # a second change replaces the first
    now = await store.current(T1)
    assert now is not None and (now.language, now.set_by) == ("en", "UOTHER")
    assert await store.current(Workspace("discord", "T1")) is None  # one platform's team
    await store.change(setting(""))  # auto
    assert await store.current(T1) is None
    rows = await db.fetchall("SELECT user_id, language FROM workspace_language_log ORDER BY id")
    assert [tuple(r) for r in rows] == [("UADMIN", "es"), ("UOTHER", "en"), ("UADMIN", "")]


async def test_another_process_s_change_is_seen_once_the_memory_lapses(db: Db) -> None:
    here, elsewhere = WorkspaceLanguageStore(db), WorkspaceLanguageStore(db)
    assert await here.remembered(T1, FIXED_NOW) is None
    await elsewhere.change(setting("es"))
    soon = FIXED_NOW + CACHE_FOR - dt.timedelta(seconds=1)
    assert await here.remembered(T1, soon) is None  # still from memory
    assert await here.remembered(T1, FIXED_NOW + CACHE_FOR) == "es"
    await here.change(setting("en"))  # this process's own change: at once
    assert await here.remembered(T1, FIXED_NOW + CACHE_FOR) == "en"


async def test_a_fault_answers_the_last_known_language(
    faulty: Fault,  # noqa: F811 (the fixture imported above)
) -> None:
    store = WorkspaceLanguageStore(faulty.db)
    await store.change(setting("es"))
    assert await store.remembered(T1, FIXED_NOW) == "es"
    await faulty.start()
    try:
        later = FIXED_NOW + 2 * CACHE_FOR  # past the memory: the database is asked
        assert await store.remembered(T1, later) == "es"
        assert await store.remembered(Workspace("slack", "T9"), later) is None  # never read
    finally:
        await faulty.end()


async def test_the_memory_holds_at_most_cache_size_workspaces(db: Db) -> None:
    store = WorkspaceLanguageStore(db)
    for n in range(CACHE_SIZE + 5):
        await store.remembered(Workspace("slack", f"T{n}"), FIXED_NOW)
    assert len(store._cache) == CACHE_SIZE
    assert Workspace("slack", "T0") not in store._cache  # the oldest went first


async def test_mydata_lists_the_author_s_changes_and_forgetme_keeps_them_unnamed(db: Db) -> None:
    store = WorkspaceLanguageStore(db)
    await store.change(setting("es"))
    await store.change(setting(""))
    assert await repository.describe_author(db, "slack", "UADMIN") == [
        "2026-11-26: workspace T1 set to español",
        "2026-11-26: workspace T1 set back to its platform's language",
    ]
    assert await repository.describe_author(db, "discord", "UADMIN") == []
    await store.change(setting("es"))
    erased = await db.write(lambda conn: repository.erase_author(conn, "slack", "UADMIN"))
    assert erased == 3
    assert await repository.describe_author(db, "slack", "UADMIN") == []
    now = await store.current(T1)
    assert now is not None and (now.language, now.set_by) == ("es", "")

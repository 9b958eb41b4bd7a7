"""Another process's commits reload the place index at once, then at most once a window;
a change inside the window is reloaded at its end, never dropped."""

from __future__ import annotations

from places.outside_changes import OutsideChanges


class CountingIndex:
    def __init__(self) -> None:
        self.reloads = 0

    async def reload(self) -> None:
        self.reloads += 1


class StepClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_the_first_change_reloads_at_once() -> None:
    index = CountingIndex()
    await OutsideChanges(index, every_s=5.0, clock=StepClock()).changed()
    assert index.reloads == 1


async def test_changes_inside_the_window_become_one_reload_at_its_end() -> None:
    index, clock = CountingIndex(), StepClock()
    outside = OutsideChanges(index, every_s=0.05, clock=clock)
    await outside.changed()
    for _ in range(50):  # a second bot's dedupe records, commit after commit
        clock.now += 0.0001
        await outside.changed()
    assert index.reloads == 1  # none of these reloaded at once
    await outside.settled()
    assert index.reloads == 2  # ... but the last of them is not lost


async def test_after_the_window_a_change_reloads_at_once_again() -> None:
    index, clock = CountingIndex(), StepClock()
    outside = OutsideChanges(index, every_s=5.0, clock=clock)
    await outside.changed()
    clock.now += 5.0
    await outside.changed()
    assert index.reloads == 2
    await outside.settled()  # nothing was put off
    assert index.reloads == 2

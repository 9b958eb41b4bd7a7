"""eager.start: a command that never waits finishes in the caller; one that waits carries
on in a task from exactly where it stopped, with its result, exception or cancellation."""

from __future__ import annotations

import asyncio

import pytest

from bot.platforms.slack import eager


async def test_a_coroutine_that_never_waits_finishes_in_the_caller() -> None:
    steps: list[str] = []

    async def quick() -> str:
        steps.append("ran")
        return "answer"

    tasks_before = asyncio.all_tasks()
    started = eager.start(quick())
    assert started.finished and started.result == "answer" and started.rest is None
    assert steps == ["ran"]
    assert asyncio.all_tasks() == tasks_before  # no task was needed


async def test_a_waiting_coroutine_carries_on_in_a_task_from_where_it_stopped() -> None:
    steps: list[str] = []
    gate: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def slow() -> int:
        steps.append("before")
        got = await gate
        steps.append("between")
        await asyncio.sleep(0)  # a bare yield to the loop, too
        steps.append("after")
        return got * 2

    started = eager.start(slow())
    assert not started.finished and started.rest is not None
    assert steps == ["before"]  # ran up to the wait, once
    task = asyncio.get_running_loop().create_task(started.rest)
    await asyncio.sleep(0)
    assert not task.done()
    gate.set_result(21)
    assert await task == 42
    assert steps == ["before", "between", "after"]  # nothing ran twice


async def test_an_exception_before_or_after_the_wait_reaches_the_awaiter() -> None:
    async def fails_at_once() -> None:
        raise ValueError("at once")

    with pytest.raises(ValueError, match="at once"):
        eager.start(fails_at_once())

    async def fails_later() -> None:
        await asyncio.sleep(0)
        raise KeyError("later")

    started = eager.start(fails_later())
    assert started.rest is not None
    with pytest.raises(KeyError, match="later"):
        await asyncio.get_running_loop().create_task(started.rest)


async def test_cancelling_the_task_cancels_the_coroutine_where_it_waits() -> None:
    loop = asyncio.get_running_loop()
    cleaned_up: list[bool] = []

    async def waits_forever(never: asyncio.Future[None]) -> None:
        try:
            await never
        finally:
            cleaned_up.append(True)

    first: asyncio.Future[None] = loop.create_future()
    started = eager.start(waits_forever(first))
    assert started.rest is not None
    task = loop.create_task(started.rest)
    task.cancel()  # before the task's first step: thrown into the resumed coroutine
    with pytest.raises(asyncio.CancelledError):
        await task
    assert cleaned_up == [True]
    # As asyncio does for a task that already waits on a future: the future is cancelled.
    assert first.cancelled()

    second: asyncio.Future[None] = loop.create_future()
    again = eager.start(waits_forever(second))
    assert again.rest is not None
    later = loop.create_task(again.rest)
    await asyncio.sleep(0)  # now the task waits on the future itself
    later.cancel()
    with pytest.raises(asyncio.CancelledError):
        await later
    assert cleaned_up == [True, True] and second.cancelled()


async def test_a_cancellation_after_the_future_finished_still_reaches_the_coroutine() -> None:
    loop = asyncio.get_running_loop()
    gate: asyncio.Future[int] = loop.create_future()
    steps: list[str] = []

    async def waits(gate: asyncio.Future[int]) -> int:
        try:
            return await gate
        finally:
            steps.append("cleaned up")

    started = eager.start(waits(gate))
    assert started.rest is not None
    gate.set_result(1)
    task = loop.create_task(started.rest)
    task.cancel()  # before the first step, the future already done: as a plain task would
    with pytest.raises(asyncio.CancelledError):
        await task
    assert steps == ["cleaned up"] and await gate == 1  # the future itself stays usable


async def test_after_a_cancellation_another_coroutine_may_await_the_same_task() -> None:
    loop = asyncio.get_running_loop()
    release: asyncio.Future[str] = loop.create_future()

    async def slow() -> str:
        return await release

    shared = loop.create_task(slow())  # a Task is a future others may await too
    await asyncio.sleep(0)

    async def waits_on(awaited: asyncio.Future[str]) -> str:
        return await asyncio.shield(awaited)

    started = eager.start(waits_on(shared))
    assert started.rest is not None
    task = loop.create_task(started.rest)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    release.set_result("still here")
    assert await shared == "still here"  # shielded: another awaiter gets its result


async def test_the_rest_can_also_be_awaited_directly() -> None:
    loop = asyncio.get_running_loop()
    gate: asyncio.Future[str] = loop.create_future()

    async def slow() -> str:
        first = await gate
        await asyncio.sleep(0)
        return first + "!"

    started = eager.start(slow())
    assert started.rest is not None
    loop.call_soon(gate.set_result, "done")
    assert await started.rest == "done!"

    async def fails_after_a_wait() -> None:
        await asyncio.sleep(0)
        raise LookupError("inside")

    failing = eager.start(fails_after_a_wait())
    assert failing.rest is not None
    with pytest.raises(LookupError, match="inside"):
        await failing.rest

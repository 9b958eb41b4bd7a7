"""Run a coroutine at once, in the caller, until it first has to wait.

Most slash commands answer from memory and never wait for anything: run eagerly they
finish inside the listener, and the reply goes out in the acknowledgement with no task,
no timer and no extra turns of the event loop (each worth tens of microseconds per
request under load). One that does wait (a database write, an upload) is handed, from
the exact point where it stopped, to a task that carries on as any other would.
This is what Python 3.12's eager task factory does; we run on 3.11. As there, the work
runs in a context of its own from its first step, and the task carrying it on runs in that
same context: what the work sets in a context variable (the dispatcher's replay scope, see
storage/replay.py) never leaks into the caller's context, and is still there after the wait.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Coroutine, Generator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Started(Generic[T]):
    """The outcome of `start`: finished (with `result`), or `rest` to await in a task
    created in `context` (`loop.create_task(rest, context=context)`)."""

    finished: bool
    result: T | None = None
    rest: Coroutine[Any, Any, T] | None = None
    context: contextvars.Context | None = None


def start(work: Coroutine[Any, Any, T]) -> Started[T]:
    """Run `work` up to its first suspension; exceptions it raises on the way propagate."""
    context = contextvars.copy_context()
    try:
        awaiting = context.run(work.send, None)
    except StopIteration as done:
        return Started(finished=True, result=done.value)
    return Started(finished=False, rest=_Resumed(work, awaiting, context), context=context)


def _is_cancellation(thrown: Any) -> bool:
    if isinstance(thrown, type):
        return issubclass(thrown, asyncio.CancelledError)
    return isinstance(thrown, asyncio.CancelledError)


def _cancel(awaiting: Any) -> bool:
    """Cancel the future `work` waits on; False when it is none (a bare yield) or done."""
    return asyncio.isfuture(awaiting) and bool(awaiting.cancel())


class _Resumed(Coroutine[Any, Any, T]):
    """`work`, already started, as a coroutine a task can run: its first step hands the
    task the awaitable `work` is suspended on; every later step, and anything thrown in
    (a cancellation, even before the first step), goes straight to `work`."""

    def __init__(
        self, work: Coroutine[Any, Any, T], awaiting: Any, context: contextvars.Context
    ) -> None:
        self._work = work
        self._awaiting = awaiting
        self._handed_over = False
        self._context = context

    def send(self, value: Any) -> Any:
        if not self._handed_over:
            self._handed_over = True
            return self._awaiting
        return self._work.send(value)

    def throw(self, typ: Any, val: Any = None, tb: Any = None) -> Any:
        # `work` is suspended on its awaitable whether or not we handed it over yet,
        # so the exception lands exactly where a task running `work` would put it.
        if not self._handed_over:
            self._handed_over = True
            if _is_cancellation(typ if val is None else val) and _cancel(self._awaiting):
                # A task cancelled before its first step. Had it already taken the future,
                # asyncio would cancel that future and wake the task; do exactly that: hand
                # the now cancelled future over, and the task's wake-up raises the
                # CancelledError inside `work`, where it waits. (Throwing into `work`
                # instead would leave the future marked as awaited by a task that never
                # took it, and the next coroutine to await it would be refused.)
                return self._awaiting
        return self._work.throw(typ, val, tb) if val is not None else self._work.throw(typ)

    def close(self) -> None:
        self._work.close()

    def __await__(self) -> Generator[Any, None, T]:
        """Awaited directly rather than run by a task: drive it step by step, each step
        in the work's own context."""
        thrown: BaseException | None = None
        while True:
            try:
                if thrown is None:
                    awaiting = self._context.run(self.send, None)
                else:
                    awaiting = self._context.run(self.throw, thrown)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]
            try:
                yield awaiting
                thrown = None
            except GeneratorExit:
                self.close()
                raise
            except BaseException as exc:
                thrown = exc

"""A template worker whose parent is already gone ends quietly (exit code 0), without the
BrokenPipeError traceback a bot stopping during its pool's start-up used to print."""

from __future__ import annotations

import multiprocessing

from templating import child


def test_a_worker_whose_parent_left_before_it_was_ready_ends_quietly() -> None:
    context = multiprocessing.get_context("forkserver")
    ours, theirs = context.Pipe()
    ours.close()  # the parent's end is gone before the worker says it is ready
    process = context.Process(target=child.serve, args=(theirs, 64 * 2**20))
    process.start()
    theirs.close()
    process.join(60)  # only a bound: a healthy worker ends at once
    assert process.exitcode == 0

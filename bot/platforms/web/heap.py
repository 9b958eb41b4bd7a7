"""What a server holds from its start kept out of the cyclic garbage collector's full passes.

A bot starts with ~140,000 long-lived objects (the place index, the registry, the catalogs,
the modules) and keeps them until it stops. Each full collection walked every one of them:
~90 ms of CPU with every request waiting, in the first minutes under load (bench slack: once
or twice in three fresh 5 s runs, 65-106 us a request in those runs) and again each time
enough new objects had survived. Frozen when serving starts (gc.freeze), they are never
walked while it serves; what is created later is collected as before, and the heap is handed
back to the collector when serving ends. Freezing is a constant-time move of the collector's
lists; there is no collection first (it cost a test process ~0.1 s a server start), so
garbage cycles that exist at the start wait until serving ends, as the heap itself does.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived_heap_frozen() -> Iterator[None]:
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()

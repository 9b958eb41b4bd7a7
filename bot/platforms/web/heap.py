"""What a server holds from its start kept out of the cyclic garbage collector's full passes.

A bot starts with ~140,000 long-lived objects (the place index, the registry, the catalogs,
the modules) and keeps them until it stops. Each full collection walked every one of them:
~90 ms of CPU with every request waiting, in the first minutes under load (bench slack: once
or twice in three fresh 5 s runs, 65-106 us a request in those runs) and again each time
enough new objects had survived. Collected once before serving, then frozen (gc.freeze),
they are never walked again; what is created later is collected as before. Garbage is
collected first, so no unreachable cycle is frozen (it would never be freed), and the heap is
handed back to the collector when serving ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived_heap_frozen() -> Iterator[None]:
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()

"""`python -m bench [name ...]`: run every benchmark module (or the named ones) in turn."""

from __future__ import annotations

import asyncio
import importlib
import sys
from pathlib import Path

# Benchmarks whose module is not named bench_<name>.py.
OTHERS = {"slack_workers": "bench.slack_workers"}


def main(names: list[str]) -> None:
    here = Path(__file__).parent
    found = sorted([p.stem.removeprefix("bench_") for p in here.glob("bench_*.py")] + [*OTHERS])
    chosen = names or found
    unknown = [n for n in chosen if n not in found]
    if unknown:
        sys.exit(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(found)}")
    for name in chosen:
        print(f"=== bench {name}", flush=True)
        module = importlib.import_module(OTHERS.get(name, f"bench.bench_{name}"))
        asyncio.run(module.main())


if __name__ == "__main__":
    main(sys.argv[1:])

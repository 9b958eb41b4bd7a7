"""The PostgreSQL benchmarks' server: a throwaway cluster (testkit/pg_cluster.py), or a skip.

`make bench` runs every benchmark in turn: on a machine without PostgreSQL's server
binaries, the PostgreSQL ones print why they did not run instead of stopping the others.
"""

from __future__ import annotations

from testkit.pg_cluster import ClusterUnavailable, PgCluster, start_cluster


def throwaway_cluster() -> PgCluster | None:
    """A started cluster, or None after printing why there is none."""
    try:
        return start_cluster(lambda line: print(line, flush=True))
    except ClusterUnavailable as exc:
        print(f"skipped: PostgreSQL unavailable: {exc}", flush=True)
        return None

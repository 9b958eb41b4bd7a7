"""Benchmarks: each bench_*.py module has `async def main() -> None` that prints figures."""

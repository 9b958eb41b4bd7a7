"""What the tests and the benchmarks both use: the fake Discord server, the throwaway
PostgreSQL cluster, hand-made facts, hostile templates and `eventually`. A neutral floor
beside them, so that bench/ imports no test module; it imports the project, never tests/ or
bench/, and is not part of the installed package (pyproject.toml's package list leaves it
out)."""

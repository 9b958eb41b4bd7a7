"""`copy-db`: SQLite -> PostgreSQL -> SQLite with every row equal (skipped without
../shared/data; a real PostgreSQL server)."""

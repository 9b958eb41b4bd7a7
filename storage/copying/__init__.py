"""`copy-db`: one Counterwatch database copied into another, empty one (SQLite <-> PostgreSQL)."""

"""The PostgreSQL backend (COUNTERWATCH_DATABASE_URL): the same repositories over asyncpg,
for several bot processes on one server; its schema lives in storage/migrations/postgres."""

"""dedupe: chat requests seen once (Slack retries and replays), its repository (with the SQL) in
repository.py; it holds no values of its own."""

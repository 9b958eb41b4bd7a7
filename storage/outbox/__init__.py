"""outbox: its values in models.py, its repository (with the SQL) in repository.py."""

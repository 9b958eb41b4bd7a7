"""The command line as a platform: tools that open a database, print and exit (import, copy-db)."""

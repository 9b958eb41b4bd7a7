"""The write jobs behind `FactEditor` (repository.py): one module per kind of change.

Each job writes the fact rows through a `ChangeRecorder`, then `finish` records the audit
entry and queues the follow notifications in the same job, so all of it commits together.
"""

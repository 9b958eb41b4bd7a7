"""What storage says when a change cannot be made as asked.

A repository raises `Refused` with a sentence meant for the person who asked ("D12 already
says: partner since 2019-05-14."); the dispatcher turns it into the same one-line private
reply as a bad argument, and the write job it was raised in is rolled back whole.
"""

from __future__ import annotations


class Refused(Exception):
    """A change refused for a reason the user can act on; the message is shown as it is."""

    @property
    def message(self) -> str:
        return str(self)

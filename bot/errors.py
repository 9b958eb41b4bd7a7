"""The one error the user is meant to read. Anything else is an incident."""


class UserError(Exception):
    """A clear, actionable, one-line message for the person who typed the command."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(UserError):
    """Bad syntax or arguments: the message carries the command's usage line."""

"""The one error the user is meant to read. Anything else is an incident."""


class UserError(Exception):
    """A clear, actionable, one-line message for the person who typed the command.

    `es` is the same message in Spanish, where one is written: a command that takes
    `language:es` (the letters) answers its errors in the language it was asked in."""

    def __init__(self, message: str, *, es: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.es = es

    def in_language(self, language: str) -> str:
        return self.es if language == "es" and self.es else self.message


class UsageError(UserError):
    """Bad syntax or arguments: the message carries the command's usage line."""

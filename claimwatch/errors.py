"""Numbered, actionable errors shown to users as one line.

Each error code is stable so that users can search for it; the message says what
went wrong and what to do about it.
"""

from __future__ import annotations


class ClaimwatchError(Exception):
    """Base class of every error claimwatch reports to a user."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # one line, with the code first
        return f"[{self.code}] {self.message}"


class ConfigError(ClaimwatchError):
    code = "E001"


class WarehouseLockedError(ClaimwatchError):
    code = "E002"


class WarehouseError(ClaimwatchError):
    code = "E003"


class FeedError(ClaimwatchError):
    code = "E004"


class ImportFileError(ClaimwatchError):
    code = "E005"


class ModelNotFoundError(ClaimwatchError):
    code = "E006"


class DeliveryError(ClaimwatchError):
    code = "E007"


class ScheduleError(ClaimwatchError):
    code = "E008"


class ReadOnlyQueryError(ClaimwatchError):
    code = "E009"

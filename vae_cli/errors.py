"""Exit codes and the errors that stop `vae` before it can check anything."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """What `vae` exits with; documented in the README."""

    OK = 0
    FINDINGS = 1  # errors found (or warnings under --strict)
    USAGE = 2  # the tool could not run as asked: bad option, missing or unreadable file
    INTERNAL = 3  # a bug of ours


class VaeError(Exception):
    """The tool cannot run as asked; the message is shown to the user as is."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(VaeError):
    """An option or argument that cannot be honoured (missing file, year out of range...)."""

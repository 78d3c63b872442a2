"""Exit codes and the errors that stop `vae` before it can check anything."""

from __future__ import annotations

import enum
import errno
import typing as t

if t.TYPE_CHECKING:
    from vae_cli.i18n.messages import Localized, Text


class ExitCode(enum.IntEnum):
    """What `vae` exits with; documented in the README."""

    OK = 0
    FINDINGS = 1  # errors found (or warnings under --strict)
    USAGE = 2  # the tool could not run as asked: bad option, missing or unreadable file
    INTERNAL = 3  # a bug of ours


class VaeError(Exception):
    """The tool cannot run as asked. The message and hint are shown to the user in their
    language: a `msg(...)` template with its values (`vae_cli.i18n.messages`), or a `str`
    already written (what another program said, which vae cannot translate)."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: Text, *, hint: Text | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.hint = hint


class UsageError(VaeError):
    """An option or argument that cannot be honoured (missing file, year out of range...)."""


def os_reason(error: OSError) -> Localized | str:
    """Why the system refused, in the reader's language: in English, the system's own words
    ("No space left on device"); in another, the usual reasons are in vae's catalogs (Python
    gives the C library's English words whatever the locale)."""
    from vae_cli.i18n.messages import InEnglish, Message, msg

    reason = getattr(error, "reason", None)  # vae_cli.inputs.NotARegularFile says it in words
    if reason is not None:
        return t.cast("Localized", reason)
    known: dict[int, Message]
    known = {
        errno.ENOENT: msg("no such file or folder"),
        errno.EACCES: msg("permission denied"),
        errno.EPERM: msg("operation not permitted"),
        errno.EISDIR: msg("it is a folder"),
        errno.ENOTDIR: msg("a part of the path is not a folder"),
        errno.ENOSPC: msg("no space left on the device"),
        errno.EROFS: msg("the file system is read-only"),
        errno.EEXIST: msg("it exists already"),
        errno.ENAMETOOLONG: msg("the name is too long"),
        errno.ELOOP: msg("symlink loop"),
    }
    said = error.strerror or str(error)
    translated = known.get(error.errno or 0)
    return InEnglish(said, translated) if translated is not None else said

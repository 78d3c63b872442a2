"""Writing files without ever leaving a half-written one behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class FileChangedError(Exception):
    """The file on disk is no longer the one that was read: writing would lose someone's edit."""


def write_atomic(
    path: Path,
    text: str,
    *,
    expected: bytes | None = None,
    overwrite: bool = True,
) -> None:
    """Write `text` to `path` through a temporary file in the same folder, fsync'd, then renamed.

    A crash or a full disk leaves either the old file or the new one, never a mix. An existing
    file's permissions are kept. `text` is written as UTF-8 exactly as given (no newline
    translation), so a caller that kept a file's line endings or byte-order mark gets them back.

    With `expected` (the bytes the caller read), the write is refused with FileChangedError if the
    file now holds anything else. With `overwrite=False`, an existing file is never replaced
    (FileExistsError), even one created while we were writing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    if not overwrite and mode is not None:
        raise FileExistsError(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        # Checked as late as possible: only the rename below separates this read from the write.
        if expected is not None and _read_or_none(path) != expected:
            raise FileChangedError(path)
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_no_clobber(tmp, path)
        _fsync_folder(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _link_no_clobber(tmp: str, path: Path) -> None:
    # A hard link fails if `path` exists, atomically; the temporary name is then removed. Where
    # links are not supported (some network or FAT drives), fall back to check-then-rename.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _fsync_folder(folder: Path) -> None:
    # The rename itself lives in the folder's entry table: sync it so it survives a power cut.
    # Not possible on every platform (Windows cannot open a folder), and not worth failing for.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

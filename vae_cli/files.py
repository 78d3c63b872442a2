"""Writing files without ever leaving a half-written one behind."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
from pathlib import Path

from vae_cli.errors import UsageError, os_reason
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import Message, msg


class FileChangedError(Exception):
    """The file on disk is no longer the one that was read: writing would lose someone's edit."""


class UnsafeWrite(UsageError):
    """Writing there would destroy something: a device, a folder, a read-only file, a link.

    A usage error (exit 2): the message says what the path is, and nothing was written.
    """


def link_problem(path: Path) -> Message | None:
    """ "symlink loop" or "broken link" when `path` is a link that leads to no file; else None."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return msg("symlink loop")
        try:
            target = os.readlink(path)
        except OSError:
            return msg("broken link")
        return msg("broken link (to {target}, which does not exist)", target=target)
    return None


def write_target(path: Path) -> tuple[Path, int | None]:
    """Where writing `path` must go, and the permissions of the file already there (None if none).

    A symlink is followed, so its target gets the new content and the link stays a link. Refused
    (UnsafeWrite): a link that leads nowhere, anything but a regular file (a device such as
    /dev/full, a pipe, a folder: replacing them would destroy them, and writing into them is not
    writing a file), and a read-only file (no write bit for anyone; checked on the mode rather than
    with os.access, since root may write anything but a read-only file means "leave me alone").
    """
    shown = display_path(path)
    problem = link_problem(path)
    if problem:
        raise UnsafeWrite(
            msg("{path}: {problem}; nothing was written", path=shown, problem=problem),
            hint=msg("point the link at an existing file, or remove it"),
        )
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return path, None
    except OSError as e:
        raise UsageError(
            msg("cannot write {path}: {reason}", path=shown, reason=os_reason(e))
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnsafeWrite(msg("{path} is a folder; nothing was written", path=shown))
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeWrite(
            msg("{path} is not a regular file; nothing was written", path=shown),
            hint=msg("give the path of a file (a device, a pipe or a socket is never replaced)"),
        )
    if not info.st_mode & 0o222:
        raise UnsafeWrite(
            msg("{path} is read-only; nothing was written", path=shown),
            hint=msg(
                "make it writable first (chmod u+w {path}) if it is meant to change", path=shown
            ),
        )
    target = path
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # the link changed since: as good as broken
            raise UnsafeWrite(f"{shown}: broken link; nothing was written") from None
    return target, stat.S_IMODE(info.st_mode)


def write_atomic(
    path: Path,
    text: str | bytes,
    *,
    expected: bytes | None = None,
    overwrite: bool = True,
) -> None:
    """Write `text` to `path` through a temporary file in the same folder, fsync'd, then renamed.

    A crash or a full disk leaves either the old file or the new one, never a mix. An existing
    file's permissions are kept. `text` is written as UTF-8 exactly as given (no newline
    translation), so a caller that kept a file's line endings or byte-order mark gets them back;
    bytes (a spreadsheet, a PDF) are written as they are.

    With `expected` (the bytes the caller read), the write is refused with FileChangedError if the
    file now holds anything else. With `overwrite=False`, an existing file is never replaced
    (FileExistsError), even one created while we were writing; a link counts as existing, even
    one that leads nowhere.

    A symlink is written through (its target changes, the link stays); what must not be replaced
    (a device, a folder, a read-only file, a broken link) is refused with UnsafeWrite: see
    `write_target`.
    """
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(path)
    shown = display_path(path)
    path, mode = write_target(path)
    created = _make_folders(path.parent, shown)
    try:
        _write_through_temporary(path, text, mode=mode, expected=expected, overwrite=overwrite)
    except BaseException as e:
        for folder in reversed(created):  # leave no empty folder behind a failed write
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(e, OSError) and not isinstance(e, FileExistsError):
            raise UsageError(
                msg(
                    "cannot write {path}: {reason}; nothing was written",
                    path=shown,
                    reason=os_reason(e),
                )
            ) from None
        raise


def _make_folders(folder: Path, shown: str) -> list[Path]:
    """Create `folder` and its missing parents; the ones created, outermost first."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    created: list[Path] = []
    for each in reversed(missing):
        try:
            each.mkdir()
        except FileExistsError:
            continue
        except OSError as e:
            for done in reversed(created):
                with contextlib.suppress(OSError):
                    done.rmdir()
            raise UsageError(
                msg(
                    "cannot write {path}: cannot create the folder {folder} ({reason}); "
                    "nothing was written",
                    path=shown,
                    folder=display_path(each),
                    reason=os_reason(e),
                )
            ) from None
        created.append(each)
    return created


# Temporary files are named after the file, this process and a random part, with this suffix:
# one left by a killed `vae` is recognised, and removed by the next write of the same file.
TEMPORARY_SUFFIX = ".vae-tmp"


def _write_through_temporary(
    path: Path, text: str | bytes, *, mode: int | None, expected: bytes | None, overwrite: bool
) -> None:
    folder = temporary_folder(path.parent)
    _remove_stale_temporaries(folder, path.name)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX, dir=folder
    )
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file 0600: a new file gets the mode the umask gives (as `touch`
        # would), an existing one keeps its own.
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
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


def temporary_folder(folder: Path) -> Path:
    """Where to write the temporary copy of a file of `folder`: inside the git repository's own
    folder (`.git/vae-tmp`) when `folder` is in one, so that a copy left by a `vae` killed
    mid-write is never committed by `git add -A`; else `folder` itself. Either way on the same
    file system, so the final rename is atomic."""
    from vae_cli.git import work_tree_top

    top = work_tree_top(folder)
    if top is None:
        return folder
    git = top / ".git"
    try:
        # A worktree's `.git` is a file; another file system would make the rename a copy.
        if not git.is_dir() or git.stat().st_dev != folder.resolve().stat().st_dev:
            return folder
        scratch = git / "vae-tmp"
        scratch.mkdir(exist_ok=True)
    except OSError:
        return folder
    return scratch


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Remove the temporary copies of `name` whose `vae` process is gone (killed mid-write)."""
    for leftover in folder.glob(f".{glob.escape(name)}.*{TEMPORARY_SUFFIX}"):
        pid = leftover.name[len(name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":
        return True  # Windows' os.kill(pid, 0) would stop the process, not probe it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


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

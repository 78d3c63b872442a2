"""The files `vae` reads for the user: regular files only, and none outside the plans' area.

`vae` quotes the lines of what it reads in its findings, which a CI job prints in a public log.
A plan in a pull request can be a symbolic link to `/proc/self/environ` or to
`~/.git-credentials`, and a plan names its referential file by any path: so the real path
(every link followed) of each file read for a plan must be inside its *area*:

- inside a git repository (the nearest folder holding `.git`, from the file's folder upwards,
  as the file is named): the repository, for every plan, referential file and `.vae.yaml`;
- outside any repository: for a plan found in a folder given (`vae validate plans/`), that
  folder; for a referential file a plan names, the current folder (or, for a plan outside the
  current folder, the plan's folder); a file named on the command line (a plan,
  `--referential`, `--config`, `--from`) is read where it leads.

A file outside its area is refused with a usage error naming the file, never its content. And a
file that is not a regular file (a named pipe, a device, a socket) is refused before it is
opened for reading: reading a pipe would wait for ever.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from pathlib import Path

from vae_cli.errors import UsageError
from vae_cli.findings.diagnostics import display_path
from vae_cli.git import work_tree_top
from vae_cli.i18n.messages import Message, msg


class NotARegularFile(OSError):
    """A named pipe, a device, a socket or a folder where a file was expected; `reason` says
    so in words (`vae_cli.errors.os_reason`)."""

    reason: Message


A_FOLDER = msg("a folder")


def _kind(mode: int) -> Message | None:
    """What a file of this mode is, in words, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return A_FOLDER
    if stat.S_ISFIFO(mode):
        return msg("a named pipe")
    if stat.S_ISSOCK(mode):
        return msg("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("a device")
    return msg("not a file")


def not_regular(path: Path) -> Message | None:
    """What `path` (its links followed) is, in words, when it exists and is not a regular file,
    such as "a named pipe"; None for a regular file, or nothing at all."""
    try:
        return _kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def irregular(path: Path) -> UsageError | None:
    """The usage error for `path` when it is a named pipe, a device or a socket (its links
    followed): a plan named, or found in a folder, that is not a file is never skipped in
    silence. None for a regular file, a folder, or nothing at all."""
    kind = not_regular(path)
    if kind is None or kind == A_FOLDER:
        return None
    return UsageError(NOT_REGULAR.fill(path=display_path(path), kind=kind))


NOT_REGULAR = msg("{path} is {kind}, not a regular file")


def check_folder(folder: Path) -> None:
    """Refuse (a usage error) a folder of files read by another program (Jinja reads the
    templates of `--template-dir`) that holds a named pipe, a device or a socket: Jinja would
    pass over it in silence, and use vae's own template instead of the one meant."""
    for root, _, names in os.walk(folder):
        for name in names:
            if (error := irregular(Path(root) / name)) is not None:
                raise error


def read_regular(path: Path, *, max_bytes: int) -> bytes:
    """The first `max_bytes` + 1 bytes of the regular file `path`.

    Anything else raises NotARegularFile (an OSError: callers say "cannot read ...") before it
    is opened; the file is then opened without waiting (O_NONBLOCK) and checked again, so that
    a pipe put in its place meanwhile is refused as well, never waited for.
    """
    kind = _kind(os.stat(path).st_mode)
    if kind is None:
        with open(path, "rb", opener=_without_waiting) as stream:
            kind = _kind(os.fstat(stream.fileno()).st_mode)
            if kind is None:
                return stream.read(max_bytes + 1)
    error = NotARegularFile(errno.EINVAL, f"it is {kind}, not a regular file", str(path))
    error.reason = msg("it is {kind}, not a regular file", kind=kind)
    raise error


def _without_waiting(name: str, flags: int) -> int:
    # Opening a pipe for reading waits for a writer, unless O_NONBLOCK (POSIX; Windows has no
    # pipes in the file system).
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))


def repository_top(path: Path) -> Path | None:
    """The top folder of the git repository holding `path` as it is named (links not
    followed). None outside any repository."""
    return work_tree_top(path.parent if path.name else path, follow_links=False)


@dataclasses.dataclass(frozen=True)
class Area:
    """A folder that the files read for one input must really be in, and its name in words."""

    folder: Path
    described: Message

    @classmethod
    def repository(cls, top: Path) -> Area:
        return cls(top, msg("the git repository {path}", path=os.path.realpath(top)))

    @classmethod
    def named(cls, folder: Path) -> Area:
        return cls(folder, msg("the folder {path}", path=display_path(folder)))

    def holds(self, path: Path) -> bool:
        """Whether `path`, every link followed, is in the folder (itself followed)."""
        return _inside(os.path.realpath(path), os.path.realpath(self.folder))


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # another drive (Windows)
        return False


def area_of(path: Path, *, found_in: Path | None = None) -> Area | None:
    """The area of `path`, a file named on the command line or `found_in` a folder given (see
    the module's docstring); None for a file named outside any repository."""
    top = repository_top(path)
    if top is not None:
        return Area.repository(top)
    return Area.named(found_in) if found_in is not None else None


def _area_named_by(plan: Path) -> Area:
    """Where the files that `plan` names must be (see the module's docstring)."""
    top = repository_top(plan)
    if top is not None:
        return Area.repository(top)
    # As the plan is named: the current folder holds `plans/x.yaml`, whatever links it is.
    here = Path.cwd()
    if _inside(os.path.abspath(plan), str(here)):
        return Area(here, msg("the current folder"))
    return Area.named(plan.parent)


# Why, in the hint: what a file outside would cost.
_WHY = msg("vae's findings quote the lines they point at, and a CI job shows them in its log")


def check_input(path: Path, *, found_in: Path | None = None) -> None:
    """Refuse `path` (a usage error) when its real path leaves its area."""
    area = area_of(path, found_in=found_in)
    if area is not None and not area.holds(path):
        raise UsageError(
            msg(
                "{path} leads outside {area}, through a symbolic link; vae reads nothing there",
                path=display_path(path),
                area=area.described,
            ),
            hint=msg("{why}: copy the file in instead of linking to it", why=_WHY),
        )


def check_named_by(file: Path, *, plan: Path, name: str) -> None:
    """Refuse the referential `file` that `plan` names `name` (a usage error) when it is not in
    the plan's repository or, outside any repository, in the current folder."""
    area = _area_named_by(plan)
    if not area.holds(file):
        raise UsageError(
            msg(
                '{plan}: the referential file "{name}" is outside {area}; vae reads nothing there',
                plan=display_path(plan),
                name=name,
                area=area.described,
            ),
            hint=msg(
                "{why}: keep the referential with the plans, or name a built-in referential by "
                "its id",
                why=_WHY,
            ),
        )

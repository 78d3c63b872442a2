"""The questions vae asks git, through the `git` program (no library to install).

One process per question, and the only place that starts one: `vae diff` reads plans as they
were at a revision (`Repository`), `vae report` names the commit its figures come from
(`last_commit`). Where a work tree starts (`work_tree_top`) needs no process at all.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import typing as t
from pathlib import Path, PurePosixPath

from vae_cli.errors import VaeError, os_reason
from vae_cli.i18n.messages import msg

# Long enough for a large repository on a slow disk; a git that hangs (a lock, a network
# file system) must not hang vae with it.
TIMEOUT = 60


class GitError(VaeError):
    """git could not be asked: the program is missing, or it did not answer in time."""


class GitNotFound(GitError):
    """The `git` program is not installed (or not on PATH)."""


def run(
    args: t.Sequence[str], cwd: Path, *, max_bytes: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`git ARGS` in `cwd`, its output as bytes; a failing command is the caller's to read.

    With `max_bytes`, at most the first `max_bytes` + 1 bytes of the output are kept, and git
    is stopped there: enough to tell that a file is too large, without holding all of it."""
    try:
        if max_bytes is None:
            return subprocess.run(
                ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=TIMEOUT
            )
        return _run_bounded(args, cwd, max_bytes)
    except FileNotFoundError:
        raise GitNotFound(
            msg("the `git` program was not found"), hint=msg("install git (https://git-scm.com)")
        ) from None
    except subprocess.TimeoutExpired:
        command = " ".join(args)
        raise GitError(
            msg(
                "git did not answer within {seconds} s: git {command}",
                seconds=TIMEOUT,
                command=command,
            )
        ) from None
    except OSError as e:
        raise GitError(msg("git could not run: {reason}", reason=os_reason(e))) from None


def _run_bounded(
    args: t.Sequence[str], cwd: Path, max_bytes: int
) -> subprocess.CompletedProcess[bytes]:
    with subprocess.Popen(
        ["git", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    ) as process:
        assert process.stdout is not None
        out = process.stdout.read(max_bytes + 1)
        if len(out) > max_bytes:
            process.kill()  # the rest is not wanted; the output so far says it was there
            process.wait()
            return subprocess.CompletedProcess(process.args, 0, out, b"")
        try:
            code = process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    return subprocess.CompletedProcess(process.args, code, out, b"")


def _text(output: bytes) -> str:
    # Names as the file system has them, even when they are not UTF-8.
    return output.decode("utf-8", errors="surrogateescape")


@dataclasses.dataclass(frozen=True)
class Commit:
    """The last commit that touched a file, and whether the file changed since."""

    short: str  # abbreviated hash
    date: str  # committer date, YYYY-MM-DD
    modified: bool  # the file in the working tree (or the index) differs from that commit


def last_commit(path: Path) -> Commit | None:
    """The last commit of `path`; None outside a repository, for a file never committed, or
    when git cannot be asked (the report then names the file alone)."""
    try:
        log = run(["log", "-1", "--format=%h %cs", "--", path.name], path.parent)
        found = _text(log.stdout).strip() if log.returncode == 0 else ""
        if not found:
            return None
        status = run(["status", "--porcelain", "-z", "--", path.name], path.parent)
    except GitError:
        return None
    short, _, date = found.partition(" ")
    return Commit(short, date, modified=status.returncode == 0 and bool(status.stdout.strip()))


def work_tree_top(folder: Path, *, follow_links: bool = True) -> Path | None:
    """The top of the git work tree holding `folder`: the nearest of `folder` and its parents
    that holds a `.git` (a folder, or the file of a linked worktree or a submodule), as git
    itself finds it; None outside any work tree. With `follow_links` (the default) the folder is
    first resolved, and the top is absolute and without symlinks; without, the folders are those
    of the path as it is named (where a link stands, not where it leads).

    Found by looking, without starting git: `vae validate` asks it of every plan, and must work
    where git is not installed. The one search of its kind: configurations, temporary copies,
    schema links and the inputs' area all ask here.
    """
    try:
        here = folder.resolve() if follow_links else Path(os.path.abspath(folder))
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return None
    for candidate in (here, *here.parents):
        try:
            if os.path.lexists(candidate / ".git"):
                return candidate
        except OSError:  # a folder we may not look into: not one we can name files from
            return None
    return None


@dataclasses.dataclass(frozen=True)
class Repository:
    """A git work tree, found from a folder inside it."""

    root: Path

    @classmethod
    def find(cls, start: Path) -> Repository | None:
        done = run(["rev-parse", "--show-toplevel"], start)
        return cls(Path(_text(done.stdout).strip())) if done.returncode == 0 else None

    def _run(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return run(args, self.root)

    def commit_of(self, rev: str) -> str | None:
        """The commit `rev` names, or None when it names none."""
        done = self._run(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"
        )
        return _text(done.stdout).strip() if done.returncode == 0 else None

    def merge_base(self, a: str, b: str) -> str | None:
        done = self._run("merge-base", a, b)
        return _text(done.stdout).strip() if done.returncode == 0 else None

    def relative(self, path: Path) -> PurePosixPath | None:
        """A path as git names it (relative to the top, forward slashes); None if outside."""
        try:
            return PurePosixPath(path.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            return None

    def read(self, commit: str, path: PurePosixPath, *, max_bytes: int) -> bytes | None:
        """The file's bytes at `commit` (its first `max_bytes` + 1 if it is larger), or None
        when no file was there (nothing, or a folder)."""
        done = run(["cat-file", "blob", f"{commit}:{path}"], self.root, max_bytes=max_bytes)
        return done.stdout if done.returncode == 0 else None

    def files_under(self, commit: str, folder: PurePosixPath) -> list[PurePosixPath]:
        """Every file in `folder` and its subfolders at `commit`."""
        done = self._run("ls-tree", "-r", "--name-only", "-z", commit, "--", f"{folder}/")
        return [PurePosixPath(name) for name in _text(done.stdout).split("\0") if name]

"""Findings: where, how bad, which rule, what to do about it."""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path

from vae_cli import git
from vae_cli.i18n.language import DEFAULT_LANGUAGE
from vae_cli.i18n.messages import Message, render, sentence
from vae_cli.terminal import inert


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclasses.dataclass(frozen=True, order=True, kw_only=True)
class Position:
    """A 1-based span in a source file (columns count characters, not bytes)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at(cls, line: int, column: int) -> Position:
        return cls(line=line, column=column, end_line=line, end_column=column + 1)


START_OF_FILE = Position.at(1, 1)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Diagnostic:
    """One finding, located in a file; `hint` says what to write instead.

    The message and the hint are kept as data (template and values) and written in a language
    only by the format that prints them (`message_in`, `hint_in`), so that nothing but the
    printed words depends on the reader's language. Written, they are one line each, with any
    plan text they quote made inert (`vae_cli.terminal`): no format can print a control
    character, a line break or a bidirectional override from a plan.
    """

    path: str
    position: Position
    severity: Severity
    rule: str
    message: Message
    hint: Message | None = None
    # Where the finding is in the file's data, as `Document.structural_path` names it
    # (`actions[rues-aux-ecoles].budget_eur`); None for a problem of the file as a whole (it
    # could not be read as YAML, or is too large...). Fingerprints use it instead of the line.
    data_path: str | None = None

    def message_in(self, lang: str) -> str:
        return inert(sentence(self.message, lang))

    def hint_in(self, lang: str) -> str | None:
        return None if self.hint is None else inert(render(self.hint, lang))

    @property
    def sort_key(self) -> tuple[str, Position, str, str]:
        # The English words order two findings of one rule at one place, in every language.
        return (self.path, self.position, self.rule, self.message_in(DEFAULT_LANGUAGE))


# The most findings shown for one file. Past it, each rule's other findings are counted in one
# finding of their own: a pasted column of 500,000 values must not print 500,000 lines, nor
# take minutes and gigabytes to explain them.
MAX_FINDINGS = 1_000


class Overflow:
    """The findings of a file past MAX_FINDINGS, counted by rule, each rule shown once."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.first: dict[str, Diagnostic] = {}

    def knows(self, rule: str) -> bool:
        return rule in self.first

    def count(self, rule: str) -> None:
        """One more finding of a rule already known."""
        self.counts[rule] += 1

    def add(self, diagnostic: Diagnostic) -> None:
        """One more finding; the first of its rule says where the others start."""
        self.first.setdefault(diagnostic.rule, diagnostic)
        self.counts[diagnostic.rule] = self.counts.get(diagnostic.rule, 0) + 1

    def summaries(self) -> list[Diagnostic]:
        from vae_cli.i18n.messages import msg
        from vae_cli.i18n.numbers import Count

        return [
            dataclasses.replace(
                first,
                message=msg(
                    "{count} more findings of `{rule}` are not shown: vae shows the first {limit} "
                    "of a file",
                    count=Count(self.counts[rule]),
                    rule=rule,
                    limit=Count(MAX_FINDINGS),
                ),
                hint=msg("fix the ones shown (often one mistake repeated), then check again"),
                data_path=f"(more {rule})",
            )
            for rule, first in self.first.items()
        ]


def capped(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """At most MAX_FINDINGS of `diagnostics` in the order they are shown, then one finding per
    rule counting the others."""
    if len(diagnostics) <= MAX_FINDINGS:
        return diagnostics
    ordered = sorted(diagnostics, key=lambda d: (d.position, d.rule))
    overflow = Overflow()
    for diagnostic in ordered[MAX_FINDINGS:]:
        overflow.add(diagnostic)
    return ordered[:MAX_FINDINGS] + overflow.summaries()


@dataclasses.dataclass(frozen=True, kw_only=True)
class InRepository:
    """Where a file is in the git work tree holding it."""

    root: Path  # the work tree's top folder, absolute
    path: str  # the file's path from there, with `/`, as git and the forges name it


@dataclasses.dataclass(kw_only=True)
class FileResult:
    """Everything found in one file, with its text so formatters can quote the offending line."""

    path: str
    # Set when the file is inside a git work tree: the CI formats name it from the top.
    in_repository: InRepository | None = None
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    lines: list[str] = dataclasses.field(default_factory=list)
    # Whether the file could be read as YAML, so that its shape was checked: not when reading
    # stopped at a problem of the whole file (not UTF-8, invalid YAML, too large...).
    read: bool = False
    # Whether the rules of meaning ran: not when the file could not be read, had the wrong shape,
    # or its referential could not be found.
    rules_ran: bool = False
    # A referential file (checked by the referential's checks, not by the plan rules).
    is_referential: bool = False
    # The rules the city turned off for this file (`.vae.yaml`): not run, so not passed.
    rules_off: frozenset[str] = frozenset()

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=lambda d: d.sort_key)

    @property
    def forge_path(self) -> str:
        """The file's path as a forge (GitHub, GitLab, code scanning) names it: from the top of
        its repository, whatever the current folder; outside one, as shown, with `/`."""
        if self.in_repository is not None:
            return self.in_repository.path
        return self.path.replace("\\", "/")

    def forge_diagnostics(self) -> list[Diagnostic]:
        """The findings, sorted, located by `forge_path`: what the CI formats print."""
        path = self.forge_path
        return [dataclasses.replace(d, path=path) for d in self.sorted()]

    def source_line(self, number: int) -> str | None:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return None


@dataclasses.dataclass(kw_only=True)
class CheckResult:
    """The result of one `vae validate` run over one or more files."""

    files: list[FileResult] = dataclasses.field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.errors for f in self.files)

    @property
    def warnings(self) -> int:
        return sum(f.warnings for f in self.files)

    def failed(self, *, strict: bool) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it.

    A symlink is shown by its own name, not its target's. Never raises: a symlink loop, a deleted
    working directory or an unreadable folder only mean the path is shown as given. A name that
    is not UTF-8 (`caf\xe9.yaml`, from a Latin-1 system) shows its undecodable bytes as `�`, so
    that every format can print and write it.
    """
    try:
        # The folder is resolved (so ./plans/../plans/x.yaml shows as plans/x.yaml), the name kept.
        full = path.resolve() if path.name in ("", ".", "..") else path.parent.resolve() / path.name
        shown = str(full.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        shown = str(path)
    return printable(shown)


def printable(name: str) -> str:
    """A file name as every format can print and write it: bytes that are not UTF-8 (`caf\xe9`,
    from a Latin-1 system) show as `�`."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def in_repository(path: Path) -> InRepository | None:
    """Where `path` is in the git work tree holding it, if one does (see `git.work_tree_top`).
    As `display_path` does, the folders are resolved and the file keeps its own name (a symlink
    is named, not its target)."""
    try:
        folder = path.absolute().parent.resolve()
    except (OSError, RuntimeError):
        return None
    root = git.work_tree_top(folder)
    if root is None:
        return None
    relative = (folder / path.name).relative_to(root)
    return InRepository(root=root, path=printable(relative.as_posix()))

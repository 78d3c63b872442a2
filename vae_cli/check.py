"""check_plan(path) -> findings: load, validate the shape, resolve the referential, run the rules.

Nothing here prints; the CLI chooses a format for the result.
"""

from __future__ import annotations

import dataclasses
import re
import typing as t
from pathlib import Path

from pydantic import BaseModel, ValidationError

from vae_cli.errors import UsageError, os_reason
from vae_cli.findings.diagnostics import (
    CheckResult,
    Diagnostic,
    FileResult,
    Severity,
    capped,
    display_path,
    in_repository,
)
from vae_cli.i18n.messages import Message, msg
from vae_cli.inputs import check_input, check_named_by, irregular
from vae_cli.models.plan import Plan
from vae_cli.models.referential import Referential
from vae_cli.plan_format import PLAN_SUFFIXES
from vae_cli.reading.shape_findings import diagnostics_from, did_you_mean
from vae_cli.reading.yaml_document import (
    Document,
    LoadError,
    compose,
    paused_gc,
    read_raw,
    split_lines,
    text_from,
)
from vae_cli.referentials import builtin_referentials
from vae_cli.rules import Context, Finding, ReferentialContext, load_all, referential_rules

if t.TYPE_CHECKING:
    from vae_cli.config import Configs

M = t.TypeVar("M", bound=BaseModel)


@dataclasses.dataclass
class Loaded(t.Generic[M]):
    """A file read, with its model if its shape is valid (a referential's only if its rules
    pass too: see `Checker.load_referential`)."""

    result: FileResult
    document: Document | None = None
    model: M | None = None


def load_model(
    path: Path,
    model: type[M],
    *,
    raw: bytes | None = None,
    text: str | None = None,
    document: Document | None = None,
) -> Loaded[M]:
    """Read `path` and validate it against `model`; every problem becomes a located diagnostic.
    A caller that has the content already gives it instead, so that nothing is read or parsed
    twice: the file's `raw` bytes, its `text` (e.g. an edit not yet written), or its `document`
    already parsed."""
    shown = display_path(path)
    loaded: Loaded[M] = Loaded(FileResult(path=shown, in_repository=in_repository(path)))
    try:
        if document is not None:
            loaded.result.lines = document.lines
        else:
            if text is None:
                text = text_from(read_plan(path) if raw is None else raw)
            loaded.result.lines = split_lines(text)
            document = compose(text, loaded.result.lines)
    except LoadError as e:
        loaded.result.diagnostics.append(
            Diagnostic(
                path=shown,
                position=e.position,
                severity=Severity.ERROR,
                rule=e.rule,
                message=e.message,
                hint=e.hint,
            )
        )
        return loaded
    loaded.document = document
    loaded.result.read = True
    try:
        with paused_gc():
            loaded.model = model.model_validate(document.data)
    except ValidationError as e:
        loaded.result.diagnostics.extend(diagnostics_from(e, model, document, shown))
    return loaded


def _as_it_stood(document: Document, referential: Referential, year: int) -> tuple[Plan, Document]:
    """The plan and its document with every entry dated after `year` left out (positions
    unchanged, so findings still point at the file's lines)."""
    from vae_cli.report.as_of import document_at_end_of

    cut = document_at_end_of(document, referential, year)
    # Only entries of lists that validated are dropped, so the cut plan validates too.
    return Plan.model_validate(cut.data), cut


@dataclasses.dataclass(frozen=True)
class Unresolved:
    """Why a referential's name leads to no referential, and what to do about it."""

    message: Message
    hint: Message


@dataclasses.dataclass(kw_only=True)
class PlanCheck:
    """One plan checked: its findings and, when its shape is valid, its model and referential."""

    result: FileResult
    plan: Plan | None = None
    # The plan's data and positions, for callers that check it again in another light (the
    # report's points to watch at the end of a year) without reading and parsing it again.
    document: Document | None = None
    referential: Referential | None = None
    # The findings of the referential file when that file itself is broken.
    referential_result: FileResult | None = None

    @property
    def ok(self) -> bool:
        return self.plan is not None and self.referential is not None and not self.result.errors


@dataclasses.dataclass
class Checker:
    """Checks plans; remembers the referentials it loaded so each is read once per run."""

    as_of: int
    referential_files: t.Sequence[Path] = ()
    # What the city chose to hear (`.vae.yaml`, `# vae: ignore[...]`): `vae validate` only.
    configs: Configs | None = None
    # The plan as it stood at the end of this year (`vae validate --as-of` a past year): what
    # is dated after it is left out before the rules run, as `vae report` does for a year.
    stood_at: int | None = None
    _referentials: dict[Path, Loaded[Referential]] = dataclasses.field(default_factory=dict)

    def check(
        self, paths: t.Sequence[Path], *, contents: t.Mapping[Path, bytes] | None = None
    ) -> CheckResult:
        """Check plans; a referential file among them is checked as a referential. A path in
        `contents` is not read: its bytes are given (a plan piped on standard input)."""
        result = CheckResult()
        for file in self.referential_files:  # a broken --referential FILE is never ignored
            loaded = self.load_referential(file)
            if loaded.model is None:
                result.files.append(loaded.result)
        for path in paths:
            # Read once: both to tell what the file is, and to check it.
            raw = contents[path] if contents and path in contents else read_plan(path)
            if looks_like_referential(raw):
                loaded = self.load_referential(path, raw=raw)
                if loaded.result not in result.files:
                    result.files.append(loaded.result)
                continue
            checked = self.check_plan(path, raw=raw)
            if self.configs is not None and checked.result.rules_ran:
                self._apply_policy(path, checked)
            result.files.append(checked.result)
            broken = checked.referential_result
            if broken is not None and broken not in result.files:
                result.files.append(broken)
        return result

    def check_plan(
        self,
        path: Path,
        *,
        raw: bytes | None = None,
        text: str | None = None,
        document: Document | None = None,
    ) -> PlanCheck:
        """The plan's findings, with its model and referential when they could be read.

        With `raw`, `text` or `document` (see `load_model`), that content is checked as if it
        were the file at `path` (which need not exist): this is how an edit is checked before
        it is written, and a plan as it was at a git revision.
        """
        loaded = load_model(path, Plan, raw=raw, text=text, document=document)
        checked = PlanCheck(result=loaded.result, plan=loaded.model, document=loaded.document)
        plan, document = loaded.model, loaded.document
        if plan is None or document is None:
            return checked
        referential = self._referential_for(plan, path, loaded.result, document)
        if referential is None:
            return checked
        if referential.model is None:
            checked.referential_result = referential.result
            self._report_referential(
                loaded.result,
                document,
                msg(
                    "the referential {referential} has errors, so this plan was not checked "
                    "against it",
                    referential=referential.result.path,
                ),
                msg("fix the referential first: its own findings are listed with its name"),
            )
            return checked
        checked.referential = referential.model
        if self.stood_at is not None:
            plan, document = _as_it_stood(document, referential.model, self.stood_at)
        context = Context(
            plan=plan, referential=referential.model, document=document, as_of=self.as_of
        )
        loaded.result.diagnostics = capped(
            loaded.result.diagnostics + run_rules(context, loaded.result.path)
        )
        loaded.result.rules_ran = True
        return checked

    def _apply_policy(self, path: Path, checked: PlanCheck) -> None:
        from vae_cli.findings import policy

        assert self.configs is not None
        result = checked.result
        config = self.configs.for_plan(path)
        result.rules_off = config.rules_off(path)
        result.diagnostics = policy.apply(
            result.diagnostics,
            plan=path,
            shown=result.path,
            ignores=policy.find_ignores(result.lines, checked.document),
            config=config,
        )

    def referentials_read(self) -> list[Path]:
        """Every referential file this checker has read (resolved), built-in ones included."""
        return list(self._referentials)

    def load_referential(self, path: Path, *, raw: bytes | None = None) -> Loaded[Referential]:
        """The referential file at `path` (its `raw` bytes, if already read), read and checked
        once a run; refused when a link takes it out of its repository (`vae_cli.inputs`). Its
        model is None unless it is valid: of the right shape, and passing the referential rules
        (which all find errors)."""
        key = path.resolve()
        if key not in self._referentials:
            check_input(path)
            loaded = load_model(path, Referential, raw=raw)
            loaded.result.is_referential = True
            if loaded.model is not None and loaded.document is not None:
                found = run_referential_rules(loaded.model, loaded.document, loaded.result.path)
                if found:
                    loaded.result.diagnostics.extend(found)
                    loaded.model = None
            self._referentials[key] = loaded
        return self._referentials[key]

    def find_referential(self, name: str, *, plan: Path | None) -> Loaded[Referential] | Unresolved:
        """The referential `name` stands for, loaded (its model is None when it is broken), or
        why there is none.

        `name` is a file (`.yaml`, `.yml`), relative to the folder of the `plan` that names it
        (or to the current folder when no plan does: a command-line option); else the id of a
        referential given with `--referential FILE`, else of a built-in one. A file that a plan
        names outside its area is refused with a usage error (`vae_cli.inputs`).
        """
        folder = plan.parent if plan is not None else Path()
        candidate = folder / name
        if name.endswith(PLAN_SUFFIXES):
            if plan is not None and candidate.exists():
                check_named_by(candidate, plan=plan, name=name)
            if plan is not None and candidate.is_file() and _same_file(candidate, plan):
                return Unresolved(
                    msg("a plan cannot be its own referential"),
                    msg("name the network's referential, e.g. unicef-france-vae-2020-2026"),
                )
            if candidate.is_file():
                return self.load_referential(candidate)
            if candidate.exists():
                return Unresolved(
                    msg('the referential "{name}" is not a file', name=name),
                    msg("name a referential file (.yaml)"),
                )
            return Unresolved(
                msg('the referential file "{name}" does not exist', name=name),
                msg(
                    "the path is relative to the plan's folder ({folder})",
                    folder=display_path(folder),
                )
                if plan is not None
                else msg("the path is relative to the current folder"),
            )
        if ("/" in name or "." in name) and candidate.exists():
            return Unresolved(
                msg('"{name}" is not a referential', name=name),
                msg("a referential file's name ends in .yaml or .yml"),
            )
        for file in self.referential_files:
            loaded = self.load_referential(file)
            # Its id as written: a plan naming a broken one is told it has errors, not that it
            # is unknown.
            if loaded.document is not None and loaded.document.data.get("id") == name:
                return loaded
        builtins = builtin_referentials()
        if name in builtins:
            return self.load_referential(builtins[name])
        known = sorted(builtins)
        close = did_you_mean(name, known)
        if close:
            hint = msg('did you mean "{close}"?', close=close)
        elif plan is not None:
            hint = msg(
                "use one of {known}, a path to a referential file, or --referential FILE",
                known=", ".join(known),
            )
        else:
            hint = msg(
                "use one of {known}, or the path to a referential file", known=", ".join(known)
            )
        return Unresolved(msg('"{name}" is not a known referential', name=name), hint)

    def _referential_for(
        self, plan: Plan, plan_path: Path, result: FileResult, document: Document
    ) -> Loaded[Referential] | None:
        found = self.find_referential(plan.referential, plan=plan_path)
        if isinstance(found, Unresolved):
            self._report_referential(result, document, found.message, found.hint)
            return None
        return found

    def _report_referential(
        self, result: FileResult, document: Document, message: Message, hint: Message
    ) -> None:
        result.diagnostics.append(
            Diagnostic(
                path=result.path,
                position=document.locate(("referential",)),
                severity=Severity.ERROR,
                rule="known-reference",
                message=message,
                hint=hint,
                data_path=document.structural_path(("referential",)),
            )
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


_REFERENTIAL_KEYS = re.compile(rb"^obligations[ \t]*:", re.MULTILINE)
_PLAN_KEYS = re.compile(rb"^(city|actions|membership)[ \t]*:", re.MULTILINE)


def read_plan(path: Path) -> bytes:
    """The bytes of a plan (or referential) file, as `text_from` takes them; a file that
    cannot be read at all stops the run with a usage error."""
    try:
        return read_raw(path)
    except OSError as e:
        raise UsageError(
            msg("cannot read {path}: {reason}", path=display_path(path), reason=os_reason(e))
        ) from None


def looks_like_referential(raw: bytes) -> bool:
    """Whether a file given to `vae validate` is a network referential rather than a plan.

    Networks write referentials too, and keep them beside their plans: such a file is checked
    against the referential format. The first 64 KiB tell: top-level `obligations:` and none of
    a plan's own keys.
    """
    head = raw[: 64 * 1024]
    return bool(_REFERENTIAL_KEYS.search(head)) and not _PLAN_KEYS.search(head)


def run_rules(context: Context, path: str) -> list[Diagnostic]:
    """The rules' findings on one plan."""
    found: list[Diagnostic] = []
    for rule in load_all().values():
        found.extend(_located(rule.check(context), rule.id, rule.severity, context.document, path))
    return found


def run_referential_rules(
    referential: Referential, document: Document, path: str
) -> list[Diagnostic]:
    """The referential rules' findings on one referential file."""
    context = ReferentialContext(referential=referential, document=document)
    found: list[Diagnostic] = []
    for rule in referential_rules().values():
        found.extend(_located(rule.check(context), rule.id, rule.severity, document, path))
    return found


def _located(
    findings: t.Iterable[Finding], rule: str, severity: Severity, document: Document, path: str
) -> t.Iterator[Diagnostic]:
    for finding in findings:
        yield Diagnostic(
            path=path,
            position=document.locate(finding.loc, key=finding.at_key),
            severity=severity,
            rule=rule,
            message=finding.message,
            hint=finding.hint,
            data_path=document.structural_path(finding.loc),
        )


def collect_plans(paths: t.Sequence[Path], *, default_dir: Path = Path("plans")) -> list[Path]:
    """Files as given, folders expanded to their *.yaml files; a usage error for anything else."""
    if not paths:
        if not default_dir.is_dir():
            raise UsageError(
                msg("no plan given and no plans/ folder here"),
                hint=msg(
                    "run `vae validate path/to/plan.yaml`, or run vae from the repository's top"
                ),
            )
        paths = [default_dir]
    from vae_cli.files import link_problem

    hint = msg("point the link at an existing plan file, or remove it")
    plans: list[Path] = []
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.suffix in PLAN_SUFFIXES)
            # A plan's link that leads nowhere, or a pipe where a plan would be, is a plan not
            # checked: never skipped in silence.
            for candidate in candidates:
                if problem := link_problem(candidate):
                    raise UsageError(_problem(candidate, problem), hint=hint)
                if (error := irregular(candidate)) is not None:
                    raise error
            found = [p for p in candidates if p.is_file()]
            if not found:
                raise UsageError(
                    msg("no plan (*.yaml) in the folder {path}", path=display_path(path))
                )
            for plan in found:
                check_input(plan, found_in=path)
            plans.extend(found)
        elif path.is_file():
            check_input(path)
            plans.append(path)
        elif problem := link_problem(path):
            raise UsageError(_problem(path, problem), hint=hint)
        elif (error := irregular(path)) is not None:
            raise error
        else:
            close = (
                did_you_mean(
                    path.name, [p.name for p in path.parent.iterdir() if p.suffix in PLAN_SUFFIXES]
                )
                if path.parent.is_dir()
                else None
            )
            raise UsageError(
                msg("{path}: no such file", path=display_path(path)),
                hint=msg("did you mean {path}?", path=display_path(path.parent / close))
                if close
                else None,
            )
    return plans


def _problem(path: Path, problem: Message) -> Message:
    return msg("{path}: {problem}", path=display_path(path), problem=problem)

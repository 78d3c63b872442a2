"""`.vae.yaml`: a city's choices about the rules, in the repository beside its plans.

```yaml
rules:
  action-without-indicator: off
  over-budget: error
overrides:
  - files: ["plans/ancien-*.yaml"]
    rules: {progress-missing: off}
```

The file is found in the plan's folder or the nearest parent, up to the repository's root
(`vae validate --config FILE` names one instead). Only the rules of meaning can be configured
(the checks of the file's shape are what every other check stands on), and a rule whose
findings are errors stays an error: the reports rely on what errors guard. A warning may be
turned `off` or made an `error`. Patterns in `files` are matched against the plan's path
relative to the folder of `.vae.yaml`, `*` matching any characters (`/` included).

A broken configuration is a usage error (exit 2) that names its file, line and column.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import typing as t
from pathlib import Path

from vae_cli.errors import UsageError, os_reason
from vae_cli.findings.diagnostics import Position, Severity, display_path
from vae_cli.i18n.messages import Message, Text, msg
from vae_cli.inputs import check_input

CONFIG_NAME = ".vae.yaml"
LEVELS = ("off", "warning", "error")
Level = t.Literal["off", "warning", "error"]
# Findings about the suppressions themselves: configurable like a warning rule.
UNUSED_IGNORE = "unused-ignore"


class ConfigError(UsageError):
    """A `.vae.yaml` that cannot be used, located in its file."""


@dataclasses.dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    rules: dict[str, Level]


@dataclasses.dataclass(frozen=True)
class Config:
    """The choices of one `.vae.yaml` (or none: `Config.NONE`)."""

    path: Path | None = None
    rules: dict[str, Level] = dataclasses.field(default_factory=dict)
    overrides: tuple[Override, ...] = ()

    def level_for(self, rule: str, plan: Path) -> Level | None:
        """The level chosen for `rule` on `plan`, the last matching override winning; None
        where nothing is said (the rule's own severity)."""
        level = self.rules.get(rule)
        if self.overrides and self.path is not None:
            relative = _relative(plan, self.path.parent)
            for override in self.overrides:
                if rule in override.rules and any(
                    fnmatch.fnmatchcase(relative, pattern) for pattern in override.files
                ):
                    level = override.rules[rule]
        return level

    def rules_off(self, plan: Path) -> frozenset[str]:
        """The rules turned off for `plan`, whatever the line."""
        named = set(self.rules) | {rule for o in self.overrides for rule in o.rules}
        return frozenset(rule for rule in named if self.level_for(rule, plan) == "off")


NO_CONFIG = Config()


def _relative(plan: Path, folder: Path) -> str:
    try:
        return plan.resolve().relative_to(folder.resolve()).as_posix()
    except (ValueError, OSError):
        return plan.as_posix()


def find_config(plan: Path) -> Path | None:
    """The `.vae.yaml` nearest to `plan`: in its folder or a parent, up to the repository's
    root (the first folder holding `.git`), else up to the file system's root."""
    from vae_cli.git import work_tree_top

    try:
        folder = plan.resolve().parent
    except (OSError, RuntimeError):
        return None
    top = work_tree_top(folder)
    for candidate in (folder, *folder.parents):
        config = candidate / CONFIG_NAME
        if config.is_file():
            return config
        if candidate == top:
            return None
    return None


class Configs:
    """Each plan's configuration, each `.vae.yaml` read once per run."""

    def __init__(self, forced: Path | None = None) -> None:
        if forced is not None:
            check_input(forced)
        self._forced = read_config(forced) if forced is not None else None
        self._read: dict[Path, Config] = {}

    def files_read(self) -> list[Path]:
        """Every configuration file read so far."""
        forced = [] if self._forced is None or self._forced.path is None else [self._forced.path]
        return [*forced, *self._read]

    def for_plan(self, plan: Path) -> Config:
        if self._forced is not None:
            return self._forced
        found = find_config(plan)
        if found is None:
            return NO_CONFIG
        if found not in self._read:
            # Found, not named: a link must not lead out of the repository, or of its folder.
            check_input(found, found_in=found.parent)
            self._read[found] = read_config(found)
        return self._read[found]


def read_config(path: Path) -> Config:
    """The configuration in `path`, or a ConfigError located where it goes wrong."""
    from vae_cli.reading.yaml_document import LoadError, compose, read_text

    shown = display_path(path)
    try:
        text = read_text(path)
        document = compose(text)
    except FileNotFoundError:
        raise UsageError(msg("{path}: no such configuration file", path=shown)) from None
    except OSError as e:
        raise UsageError(
            msg("cannot read {path}: {reason}", path=shown, reason=os_reason(e))
        ) from None
    except LoadError as e:
        raise _error(shown, e.position, e.message, e.hint) from None
    return _Reader(shown, document).config(path)


def _error(shown: str, position: Position, message: Text, hint: Text | None) -> ConfigError:
    return ConfigError(
        msg(
            "{path}:{line}:{column}: {message}",
            path=shown,
            line=position.line,
            column=position.column,
            message=message,
        ),
        hint=hint,
    )


class _Reader:
    def __init__(self, shown: str, document: t.Any) -> None:
        self.shown = shown
        self.document = document

    def fail(
        self,
        loc: tuple[str | int, ...],
        message: Message,
        hint: Message | None = None,
        *,
        key: bool = False,
    ) -> t.NoReturn:
        raise _error(self.shown, self.document.locate(loc, key=key), message, hint)

    def config(self, path: Path) -> Config:
        data = self.document.data
        for key in data:
            if key not in ("rules", "overrides"):
                self.fail(
                    (key,),
                    msg("unknown key `{key}`", key=key),
                    msg("a .vae.yaml holds `rules:` and `overrides:`"),
                    key=True,
                )
        rules = self.rules(data.get("rules", {}), ("rules",))
        overrides = data.get("overrides", [])
        if not isinstance(overrides, list):
            self.fail(
                ("overrides",),
                msg("`overrides` must be a list"),
                msg("write `- files: [...]` items"),
            )
        return Config(
            path=path,
            rules=rules,
            overrides=tuple(
                self.override(item, ("overrides", i)) for i, item in enumerate(overrides)
            ),
        )

    def override(self, item: object, loc: tuple[str | int, ...]) -> Override:
        if not isinstance(item, dict):
            self.fail(loc, msg("each override is a mapping with `files` and `rules`"))
        for key in item:
            if key not in ("files", "rules"):
                self.fail(
                    (*loc, key),
                    msg("unknown key `{key}`", key=key),
                    msg("an override holds `files:` and `rules:`"),
                    key=True,
                )
        files = item.get("files")
        if isinstance(files, str):
            files = [files]
        if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
            self.fail(
                (*loc, "files"),
                msg("`files` must be a list of file patterns"),
                msg('e.g. files: ["plans/ancien-*.yaml"]'),
            )
        if "rules" not in item:
            self.fail(
                loc,
                msg("this override has no `rules`"),
                msg("add e.g. rules: {example}", example="{progress-missing: off}"),
            )
        return Override(files=tuple(files), rules=self.rules(item["rules"], (*loc, "rules")))

    def rules(self, value: object, loc: tuple[str | int, ...]) -> dict[str, Level]:
        from vae_cli.reading.shape_findings import did_you_mean
        from vae_cli.rules import FILE_FINDINGS, load_all

        known = load_all()
        if not isinstance(value, dict):
            self.fail(
                loc,
                msg("`rules` must map rule ids to off, warning or error"),
                msg("e.g. rules: {example}", example="{over-budget: error}"),
            )
        chosen: dict[str, Level] = {}
        for rule_id, level in value.items():
            where = (*loc, rule_id)
            if level not in LEVELS:
                self.fail(
                    where,
                    msg(
                        '`{rule}` must be off, warning or error, not "{level}"',
                        rule=rule_id,
                        level=str(level),
                    ),
                    msg("write off, warning or error"),
                )
            if rule_id == UNUSED_IGNORE:
                chosen[rule_id] = level
                continue
            rule = known.get(rule_id)
            if rule is None:
                if rule_id in FILE_FINDINGS:
                    self.fail(
                        where,
                        msg(
                            "`{rule}` checks the file's shape and cannot be configured",
                            rule=rule_id,
                        ),
                        msg("fix what it reports instead"),
                        key=True,
                    )
                near = did_you_mean(rule_id, [*known, UNUSED_IGNORE])
                self.fail(
                    where,
                    msg("there is no rule `{rule}`", rule=rule_id),
                    msg("did you mean `{rule}`?", rule=near)
                    if near
                    else msg("the rules are listed in docs/rules.md"),
                    key=True,
                )
            if rule.severity is Severity.ERROR and level != "error":
                self.fail(
                    where,
                    msg(
                        "`{rule}` finds errors, which the reports rely on: it cannot be {level}",
                        rule=rule_id,
                        level=level,
                    ),
                    msg("fix the plan instead; only warnings can be turned off"),
                )
            chosen[rule_id] = level
        return chosen

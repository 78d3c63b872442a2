"""Checks of meaning: each rule has an id, a severity and a docstring that is its documentation.

A rule is a generator over a `Context` yielding `Finding`s; `vae_cli.check` locates them and
turns them into diagnostics. `docs/rules.md` is generated from this registry.
"""

from __future__ import annotations

import dataclasses
import typing as t

from vae_cli.diagnostics import Severity

if t.TYPE_CHECKING:
    from vae_cli.loading import Document
    from vae_cli.models.plan import Plan
    from vae_cli.models.referential import Referential


@dataclasses.dataclass(frozen=True, kw_only=True)
class Context:
    plan: Plan
    referential: Referential
    document: Document
    as_of: int

    @property
    def mandate_years(self) -> range:
        return range(self.plan.mandate.start, self.plan.mandate.end + 1)

    @property
    def past_years(self) -> range:
        """Years of the mandate that are over at `as_of`."""
        return range(self.plan.mandate.start, min(self.plan.mandate.end + 1, self.as_of))


@dataclasses.dataclass(frozen=True, kw_only=True)
class Finding:
    """What a rule reports: where (a path in the plan's data), what, and what to do."""

    loc: tuple[str | int, ...]
    message: str
    hint: str | None = None
    at_key: bool = False


Check = t.Callable[[Context], t.Iterator[Finding]]


@dataclasses.dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    check: Check

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity) -> t.Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise RuntimeError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, check)
        return check

    return register


def load_all() -> dict[str, Rule]:
    """Import every rule module (which registers its rules) and return the registry."""
    from vae_cli.rules import coverage, money, references, tracking, years  # noqa: F401

    return RULES

"""Checks of meaning: each rule has an id, a severity and a docstring that is its documentation.

A rule is a generator over a `Context` yielding `Finding`s; `vae_cli.check` locates them and
turns them into diagnostics. `docs/rules.md` is generated from this registry.
"""

from __future__ import annotations

import dataclasses
import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import Message
from vae_cli.i18n.numbers import plain_number

if t.TYPE_CHECKING:
    from vae_cli.models.plan import Plan
    from vae_cli.models.referential import Referential
    from vae_cli.reading.yaml_document import Document


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

    def number(self, loc: tuple[str | int, ...], value: float) -> str:
        """The number at `loc` as the plan writes it (`100.004`, `1e3`), for a message to quote."""
        return self.document.written(loc) or plain_number(value)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Finding:
    """What a rule reports: where (a path in the plan's data), what, and what to do.

    `message` and `hint` are `msg(...)` templates with their values: the diagnostic keeps them
    so, and the format that prints it writes them in the reader's language."""

    loc: tuple[str | int, ...]
    message: Message
    hint: Message | None = None
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
        if rule_id in RULES or rule_id in REFERENTIAL_RULES:
            raise RuntimeError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, check)
        return check

    return register


@dataclasses.dataclass(frozen=True, kw_only=True)
class ReferentialContext:
    """A referential file whose shape is valid, checked on its own (`Finding.loc` is a path in
    its data)."""

    referential: Referential
    document: Document


ReferentialCheck = t.Callable[[ReferentialContext], t.Iterator[Finding]]


@dataclasses.dataclass(frozen=True)
class ReferentialRule:
    """A check of a referential file. All find errors: plans are checked against what the
    referential says, so it must say it without contradiction (and none can be turned off)."""

    id: str
    check: ReferentialCheck
    severity: Severity = Severity.ERROR

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


REFERENTIAL_RULES: dict[str, ReferentialRule] = {}


def referential_rule(rule_id: str) -> t.Callable[[ReferentialCheck], ReferentialCheck]:
    def register(check: ReferentialCheck) -> ReferentialCheck:
        if rule_id in RULES or rule_id in REFERENTIAL_RULES:
            raise RuntimeError(f"rule {rule_id} registered twice")
        REFERENTIAL_RULES[rule_id] = ReferentialRule(rule_id, check)
        return check

    return register


def load_all() -> dict[str, Rule]:
    """Import every rule module (which registers its rules) and return the plans' registry."""
    from vae_cli.rules import (  # noqa: F401
        answers,
        children,
        city,
        coverage,
        money,
        placeholders,
        references,
        referential,
        tracking,
        years,
    )

    return RULES


def referential_rules() -> dict[str, ReferentialRule]:
    """The checks of a referential file, registered by `vae_cli.rules.referential`."""
    load_all()
    return REFERENTIAL_RULES


# Findings that come from reading the file and checking its shape rather than from a rule module.
# Their ids appear in diagnostics like any rule's; docs/rules.md and the SARIF output describe
# them from here.
FILE_FINDINGS: dict[str, str] = {
    "file-too-large": "The file is small enough to be a plan.\n\n"
    "`vae` reads at most 32 MiB. A plan of 5,000 actions weighs about 12 MiB written like the "
    "sample (block style, notes, a full yearly history) and 4 MiB in flow style, so a larger file "
    "is probably not a plan.",
    "encoding": "The file is UTF-8 text.\n\n"
    "Another encoding (Windows-1252, UTF-16…) is reported with the line of the first byte that "
    "cannot be read. A UTF-8 byte-order mark is accepted.",
    "yaml-syntax": "The file is valid YAML.\n\n"
    'Indentation with spaces (never tabs), text containing ": " in quotes, brackets closed, no '
    "tags such as `!!python/object`, no alias without its anchor, keys that are plain text. A "
    "syntax error stops everything: fix it first.",
    "yaml-duplicate-key": "No key appears twice in the same mapping.\n\n"
    "YAML tools disagree on which of two duplicates wins, so `vae` refuses both.",
    "yaml-empty": "The file is not empty.\n\n"
    "A plan holds its keys, not nothing (or only comments).",
    "yaml-not-mapping": "The file is a mapping of keys to values.\n\n"
    "A plan starts with keys such as `schema_version:` and `city:`, not with a list or a single "
    "value.",
    "yaml-multiple-documents": "The file holds one YAML document.\n\n"
    "A line `---` in the middle starts a second document; one plan is one document.",
    "unused-ignore": "Every `# vae: ignore[rule]` silences a finding.\n\n"
    "A suppression on a line (or alone on the line above) silences that rule's warnings there. "
    "One that silences nothing (the rule found nothing there, no such rule, or an error, which "
    "cannot be ignored) is reported, so suppressions never outlive what they were for. See "
    "`.vae.yaml` in docs/rules.md for turning a rule off.",
    "yaml-too-many-values": "The file holds at most 5,000,000 values.\n\n"
    "A plan of 5,000 actions with their yearly history holds 550,000 to 750,000; a file of many "
    "millions of values is a pasted column or an attack, and reading it would take gigabytes.",
    "number-too-long": "No number has more than 4,300 digits.\n\n"
    "Python reads no longer integer (it would take too long); no figure of a plan comes near it, "
    "so such a number is something pasted by mistake.",
    "yaml-too-deep": "Values nest at most 64 levels deep.\n\n"
    "A plan needs about 6 levels; hundreds of levels is a mistake or an attack.",
    "yaml-alias-bomb": "Aliases do not expand into a huge document.\n\n"
    "Anchors and aliases (`&name`, `*name`) expand to at most 5,000,000 values, so that a few "
    "lines cannot make `vae` build billions of values.",
    "unknown-key": "Every key is one the format knows.\n\n"
    "An unknown key is usually a typo: it comes with the key it probably meant. See "
    "docs/plan-format.md.",
    "missing-key": "Every required key is present.\n\n"
    "The format (docs/plan-format.md) says which keys each section needs.",
    "wrong-type": "Every value has the type the format expects.\n\n"
    'Strictly: `yes` is not a boolean (write `true`), `"12"` is not a number (remove the '
    "quotes), an INSEE code is text in quotes, a date is written YYYY-MM-DD, money is a plain "
    "number (`10 000` is text).",
    "invalid-value": "Every value is one the format allows.\n\n"
    "Statuses, priorities and directions come from their lists; amounts are not negative nor "
    "absurdly large; identifiers and codes have the expected form; age bands go youngest-oldest.",
}

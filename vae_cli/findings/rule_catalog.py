"""Every rule id a finding can carry, with the words CI formats show for it (SARIF, JUnit).

A rule's documentation is English in the code and reaches users in the run's language: each
paragraph is a message of the catalogs (`python -m tools.catalogs` collects them from
`paragraphs`), so SARIF's descriptions and help, and docs/rules.fr.md, are French for a French run.

The rules of meaning (of a plan, and of a referential file) document themselves in
`vae_cli.rules`; the problems found while reading a file (YAML syntax, shape) are described in
`vae_cli.rules.FILE_FINDINGS`, as docs/rules.md is.
"""

from __future__ import annotations

import dataclasses
import hashlib
import typing as t

from vae_cli.config import UNUSED_IGNORE
from vae_cli.findings.diagnostics import Diagnostic, Severity
from vae_cli.i18n.catalogs import gettext_for
from vae_cli.i18n.language import DEFAULT_LANGUAGE
from vae_cli.rules import FILE_FINDINGS, load_all, referential_rules

# vae's home page, which SARIF viewers link to; each rule links to its section of docs/rules.md.
HOMEPAGE = "https://example.org/vae"


def rules_page_name(lang: str) -> str:
    """docs/rules.md, and its translation docs/rules.<lang>.md, both written by `make docs`."""
    return "rules.md" if lang == DEFAULT_LANGUAGE else f"rules.{lang}.md"


def rules_page(lang: str) -> str:
    return f"{HOMEPAGE}/docs/{rules_page_name(lang)}"


@dataclasses.dataclass(frozen=True, kw_only=True)
class RuleInfo:
    id: str
    severity: Severity
    summary: str  # one sentence
    details: str  # the whole documentation, summary included
    # True for the rules of meaning of a plan (every plan's JUnit suite has a case for each);
    # False for the problems of reading and shape (when they are found, the rules did not run)
    # and for the checks of a referential file.
    is_rule_of_meaning: bool
    # Whether the check runs only after the rules of meaning (they and `unused-ignore`, which
    # looks at what they found), rather than while the file is read.
    runs_with_rules: bool
    # A check of a referential file: a case of a referential's JUnit suite, not of a plan's.
    checks_referential: bool = False

    @property
    def name(self) -> str:
        """The id as one word, as SARIF names rules: `over-budget` is `OverBudget`."""
        return "".join(part.capitalize() for part in self.id.split("-"))

    @property
    def paragraphs(self) -> list[str]:
        """The documentation's paragraphs, each on one line, the summary first: the messages
        the catalogs translate."""
        return paragraphs(self.details)

    def documentation_in(self, lang: str) -> list[str]:
        """The documentation's paragraphs in `lang` (English where a paragraph has no
        translation yet)."""
        words = gettext_for(lang)
        return [words(paragraph) for paragraph in self.paragraphs]

    def help_uri_in(self, lang: str) -> str:
        """The rule's section of the page of the checks in `lang`, docs/rules.md or its
        translation (headed by the id, whose anchor is the id)."""
        return f"{rules_page(lang)}#{self.id}"


def paragraphs(doc: str) -> list[str]:
    """A docstring's paragraphs (separated by a blank line), each on one line: the docstrings
    hold plain Markdown paragraphs, no lists or code blocks whose lines would matter."""
    return [" ".join(part.split()) for part in doc.split("\n\n") if part.strip()]


def _first_sentence(doc: str) -> str:
    return next(iter(paragraphs(doc)), "")


@dataclasses.dataclass(frozen=True)
class Catalog:
    rules: dict[str, RuleInfo]

    def get(self, rule_id: str) -> RuleInfo:
        """The rule's info; an id we do not know (a bug) still gets a usable entry."""
        if rule_id in self.rules:
            return self.rules[rule_id]
        return RuleInfo(
            id=rule_id,
            severity=Severity.ERROR,
            summary=rule_id,
            details=rule_id,
            is_rule_of_meaning=False,
            runs_with_rules=False,
        )


def catalog() -> Catalog:
    """All known rules: reading and shape problems first, then the rules of meaning, then the
    checks of a referential file."""
    rules: dict[str, RuleInfo] = {}
    for rule_id, doc in FILE_FINDINGS.items():
        rules[rule_id] = RuleInfo(
            id=rule_id,
            # Problems of the file are errors; a suppression that silences nothing is a warning.
            severity=Severity.WARNING if rule_id == UNUSED_IGNORE else Severity.ERROR,
            summary=_first_sentence(doc),
            details=doc,
            is_rule_of_meaning=False,
            runs_with_rules=rule_id == UNUSED_IGNORE,
        )
    for rule in load_all().values():
        rules[rule.id] = RuleInfo(
            id=rule.id,
            severity=rule.severity,
            summary=_first_sentence(rule.doc) or rule.id,
            details=rule.doc or rule.id,
            is_rule_of_meaning=True,
            runs_with_rules=True,
        )
    for check in referential_rules().values():
        rules[check.id] = RuleInfo(
            id=check.id,
            severity=check.severity,
            summary=_first_sentence(check.doc),
            details=check.doc,
            is_rule_of_meaning=False,
            runs_with_rules=False,
            # They check a referential file, not a plan: no test case of a plan's suite.
            checks_referential=True,
        )
    return Catalog(rules)


def identity(d: Diagnostic) -> tuple[str, str, str, str]:
    """What a finding is, in no language and at no line: its file, its rule, where it is in the
    file's data and its message (template and values).

    A finding with no place in the data (the file cannot be read as YAML, is too large, is not
    UTF-8...) is a problem of the whole file: reading stops at the first, so a file has at most
    one, and it is told by its message's template alone (its values may name a line, such as
    the first of two duplicate keys).
    """
    path = d.path.replace("\\", "/")
    if d.data_path is None:
        return (path, d.rule, "", d.message.template)
    return (path, d.rule, d.data_path, d.message.key())


def fingerprints(diagnostics: t.Iterable[Diagnostic]) -> list[str]:
    """A stable id per finding, for forges that track findings across commits (GitLab Code
    Quality's `fingerprint`, SARIF's `partialFingerprints`): a digest of its `identity`.

    Neither the line nor the language count: a finding moved by an edit above it, or printed in
    French by another job, is the same finding. The same identity twice gets its rank mixed in,
    so fingerprints stay unique.
    """
    seen: dict[tuple[str, str, str, str], int] = {}
    out: list[str] = []
    for d in diagnostics:
        key = identity(d)
        rank = seen.get(key, 0)
        seen[key] = rank + 1
        digest = hashlib.sha256("\0".join([*key, str(rank)]).encode("utf-8"))
        out.append(digest.hexdigest()[:32])
    return out

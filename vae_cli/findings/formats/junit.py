"""Findings as JUnit XML, which GitLab (`artifacts:reports:junit`), Jenkins and most CI servers
show as a list of tests: one test suite per plan, and in it one test case per rule vae knows,
always the same list, so that a forge comparing two runs sees the same tests.

- A rule with errors fails (`<failure type="error">`), listing every finding's location and
  message.
- A rule with warnings only is `<skipped type="warning">`, listing them: GitLab and Jenkins show
  a skipped test's text and count it neither as passed nor as failed, so a job that passes shows
  no failure, yet the warnings are one click away. Under `--fail-on warning` (`warnings_fail`)
  they fail, as the job does.
- A rule that could not run (the plan cannot be read, has the wrong shape, or its referential
  could not be found) is `<skipped type="not-checked">`.
- A rule the city turned off in `.vae.yaml` is `<skipped type="off">`: it did not run.
- Any other rule passed.

A plan's suite lists the reading and shape problems and the plan rules; a referential file's
suite (given with `--referential`, or named by a plan and broken) the reading and shape
problems and the referential's checks: neither lists the other's.

Files are named from the top of their repository, as the forge names them. The document keeps
to what Jenkins' xunit plugin accepts (its junit-10.xsd): no attribute that
schema does not know, such as a test case's file and line, which are in the messages instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from vae_cli.findings.diagnostics import CheckResult, Diagnostic, FileResult, Severity
from vae_cli.findings.formats.text import hint_label, severity_word
from vae_cli.findings.rule_catalog import Catalog, RuleInfo, catalog
from vae_cli.i18n.messages import msg
from vae_cli.i18n.messages import render as written
from vae_cli.terminal import inert

# Characters XML 1.0 cannot hold at all, even escaped; a plan may quote one in a YAML string.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_NOT_READ = msg("not checked: vae stops reading a file at its first problem")
_NOT_RUN = msg("not checked: the plan could not be read, has the wrong shape or no referential")
_OFF = msg("not checked: turned off in the configuration (.vae.yaml)")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _ran(file: FileResult, rule: RuleInfo) -> bool:
    return file.rules_ran if rule.runs_with_rules else file.read


def _case(
    file: FileResult, rule: RuleInfo, found: list[Diagnostic], *, lang: str, warnings_fail: bool
) -> ET.Element:
    # classname is what GitLab shows as the suite; the path keeps cases of two plans apart.
    case = ET.Element("testcase", classname=_xml_text(file.forge_path), name=rule.id, time="0")
    failing = warnings_fail or any(d.severity is Severity.ERROR for d in found)
    if found:
        first = found[0]
        outcome = ET.SubElement(
            case,
            "failure" if failing else "skipped",
            type="error" if any(d.severity is Severity.ERROR for d in found) else "warning",
            message=_xml_text(
                f"{first.path}:{first.position.line}:{first.position.column}: "
                f"{first.message_in(lang)}"
            ),
        )
        outcome.text = _xml_text("\n".join(_finding_line(d, lang) for d in found))
    elif rule.id in file.rules_off:
        ET.SubElement(case, "skipped", type="off", message=written(_OFF, lang))
    elif not _ran(file, rule):
        message = _NOT_RUN if rule.runs_with_rules or file.read else _NOT_READ
        ET.SubElement(case, "skipped", type="not-checked", message=written(message, lang))
    return case


def _finding_line(d: Diagnostic, lang: str) -> str:
    pos, hint = d.position, d.hint_in(lang)
    # One line per finding: a newline in a file's name would start a line of its own (read
    # as a workflow command when the XML is printed in a GitHub job's log).
    severity = severity_word(d.severity, lang)
    line = f"{inert(d.path)}:{pos.line}:{pos.column}: {severity}: {d.message_in(lang)}"
    return line + (f"\n  {hint_label(lang)} {hint}" if hint else "")


def _suite(file: FileResult, rules: Catalog, *, lang: str, warnings_fail: bool) -> ET.Element:
    by_rule: dict[str, list[Diagnostic]] = {}
    for d in file.forge_diagnostics():
        by_rule.setdefault(d.rule, []).append(d)
    # Every rule vae knows for this kind of file, in the catalog's order; a rule id found but
    # not listed (a bug) last.
    ids = [
        rule.id
        for rule in rules.rules.values()
        if not (rule.checks_referential or rule.is_rule_of_meaning)
        or (rule.checks_referential if file.is_referential else rule.is_rule_of_meaning)
    ]
    ids += sorted(set(by_rule) - set(ids))
    cases = [
        _case(
            file,
            rules.get(rule_id),
            by_rule.get(rule_id, []),
            lang=lang,
            warnings_fail=warnings_fail,
        )
        for rule_id in ids
    ]
    suite = ET.Element(
        "testsuite",
        name=_xml_text(file.forge_path),
        tests=str(len(cases)),
        failures=str(sum(c.find("failure") is not None for c in cases)),
        errors="0",
        skipped=str(sum(c.find("skipped") is not None for c in cases)),
        time="0",
    )
    suite.extend(cases)
    return suite


def render(
    result: CheckResult, *, lang: str, color: bool = False, warnings_fail: bool = False
) -> str:
    rules = catalog()
    root = ET.Element("testsuites", name="vae validate")
    suites = [_suite(f, rules, lang=lang, warnings_fail=warnings_fail) for f in result.files]
    root.extend(suites)
    for total in ("tests", "failures", "errors"):  # Jenkins' schema has no total of skipped
        root.set(total, str(sum(int(s.get(total, "0")) for s in suites)))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

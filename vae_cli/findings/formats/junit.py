"""Findings as JUnit XML, which GitLab (`artifacts:reports:junit`), Jenkins and most CI servers
show as a list of tests: one test suite per plan, one test case per rule.

A rule with findings fails, its failure listing every finding's location and message. Warnings
fail too (with type="warning"), as ESLint's JUnit output does: a passed test would hide them.
When a plan cannot be read or has the wrong shape, the rules of meaning did not run: their test
cases are marked skipped, not passed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from vae_cli.findings.diagnostics import CheckResult, Diagnostic, FileResult, Severity
from vae_cli.findings.rule_catalog import Catalog, catalog
from vae_cli.terminal import inert

# Characters XML 1.0 cannot hold at all, even escaped; a plan may quote one in a YAML string.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case(
    file: FileResult, rule_id: str, found: list[Diagnostic], rules: Catalog, lang: str
) -> ET.Element:
    # classname is what GitLab shows as the suite; the path keeps cases of two plans apart.
    path = _xml_text(file.path)
    case = ET.Element(
        "testcase", classname=path, name=rule_id, file=path.replace("\\", "/"), time="0"
    )
    if found:
        worst = "error" if any(d.severity is Severity.ERROR for d in found) else "warning"
        first = found[0]
        failure = ET.SubElement(
            case,
            "failure",
            message=_xml_text(
                f"{first.path}:{first.position.line}:{first.position.column}: "
                f"{first.message_in(lang)}"
            ),
            type=worst,
        )
        failure.text = _xml_text("\n".join(_failure_line(d, lang) for d in found))
        case.set("line", str(first.position.line))
    elif not file.rules_ran and rules.get(rule_id).is_rule_of_meaning:
        ET.SubElement(
            case, "skipped", message="not checked: the plan or its referential could not be read"
        )
    return case


def _failure_line(d: Diagnostic, lang: str) -> str:
    pos, hint = d.position, d.hint_in(lang)
    # One line per finding: a newline in a file's name would start a line of its own (read
    # as a workflow command when the XML is printed in a GitHub job's log).
    line = f"{inert(d.path)}:{pos.line}:{pos.column}: {d.severity.value}: {d.message_in(lang)}"
    return line + (f"\n  hint: {hint}" if hint else "")


def render(result: CheckResult, *, lang: str, color: bool = False) -> str:
    rules = catalog()
    root = ET.Element("testsuites", name="vae validate")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for file in result.files:
        by_rule: dict[str, list[Diagnostic]] = {}
        for d in file.sorted():
            by_rule.setdefault(d.rule, []).append(d)
        # Every rule of meaning is a test; a reading or shape problem is one only when it occurs.
        ids = [r.id for r in rules.rules.values() if r.is_rule_of_meaning]
        ids = sorted(set(ids) | set(by_rule))
        cases = [_case(file, rule_id, by_rule.get(rule_id, []), rules, lang) for rule_id in ids]
        counts = {
            "tests": len(cases),
            "failures": sum(c.find("failure") is not None for c in cases),
            "skipped": sum(c.find("skipped") is not None for c in cases),
        }
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_xml_text(file.path),
            tests=str(counts["tests"]),
            failures=str(counts["failures"]),
            errors="0",
            skipped=str(counts["skipped"]),
            time="0",
        )
        suite.extend(cases)
        for key in totals:
            totals[key] += counts[key]
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    root.set("skipped", str(totals["skipped"]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

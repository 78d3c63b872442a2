"""What Jenkins accepts as JUnit XML, as the xunit plugin's `junit-10.xsd` says.

The constraints of jenkinsci/xunit-plugin's
`src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd` are written out
below as a table (the schema itself is not copied into this repository): for each element, the
elements it may hold, its required and optional attributes, the attributes whose type is
restricted, whether it may hold text, and the order its children must follow where the schema
has a sequence rather than a choice.

The schema has no target namespace, so no element may have one. Comments are not content: an
XML schema never constrains them.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

# The schema's SUREFIRE_TIME: seconds, digits optionally grouped by commas in threes, at most
# three decimals (`1,234.5`, `0.012`, `0`; not `1e-3`, `-1`, `0.0001`).
SUREFIRE_TIME = re.compile(r"(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]{0,3})?")


@dataclasses.dataclass(frozen=True)
class Element:
    children: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    restricted: tuple[tuple[str, re.Pattern[str]], ...] = ()
    text: bool = False  # mixed content or a simple string: text is allowed
    # An xs:sequence of optional elements: the children, each at most once, in this order.
    sequence: tuple[str, ...] | None = None


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_RESULT = Element(optional=_names("type message"), text=True)  # failure, error, skipped
_RERUN = Element(  # rerunFailure, rerunError, flakyFailure, flakyError
    children=_names("stackTrace system-out system-err"),
    required=_names("type"),
    optional=_names("message"),
    text=True,
    sequence=("stackTrace", "system-out", "system-err"),
)
_STRING = Element(text=True)  # system-out, system-err, stackTrace: text, no element

SCHEMA: dict[str, Element] = {
    "testsuites": Element(
        children=_names("testsuite"),
        optional=_names("name time tests failures errors"),
        restricted=(("time", SUREFIRE_TIME),),
    ),
    "testsuite": Element(
        children=_names("testsuite properties testcase system-out system-err"),
        required=_names("name tests failures errors"),
        optional=_names("group time skipped timestamp hostname id package file log url version"),
        restricted=(("time", SUREFIRE_TIME),),
    ),
    "properties": Element(children=_names("property")),
    "property": Element(required=_names("name value")),
    "testcase": Element(
        children=_names(
            "skipped error failure rerunFailure rerunError flakyFailure flakyError "
            "system-out system-err"
        ),
        required=_names("name"),
        optional=_names("time classname group"),
    ),
    "failure": _RESULT,
    "error": _RESULT,
    "skipped": _RESULT,
    "rerunFailure": _RERUN,
    "rerunError": _RERUN,
    "flakyFailure": _RERUN,
    "flakyError": _RERUN,
    "system-out": _STRING,
    "system-err": _STRING,
    "stackTrace": _STRING,
}
# Any element the schema declares at its top level may be a document's root; a report's root
# is one of these two.
ROOTS = ("testsuites", "testsuite")


def problems(xml: str | bytes) -> list[str]:
    """Why Jenkins' junit-10.xsd refuses this document: one line per problem, none if valid."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"]
    if root.tag not in ROOTS:
        return [f"<{root.tag}> cannot be the root (expected {' or '.join(ROOTS)})"]
    found: list[str] = []
    _check(root, root.tag, found)
    return found


def _check(element: ET.Element, where: str, found: list[str]) -> None:
    rule = SCHEMA.get(element.tag)
    if rule is None:  # unknown to the schema (a namespaced tag included)
        found.append(f"{where}: no element <{element.tag}> in the schema")
        return
    attributes = set(element.attrib)
    for name in sorted(attributes - rule.required - rule.optional):
        found.append(f"{where}: attribute {name!r} is not allowed")
    for name in sorted(rule.required - attributes):
        found.append(f"{where}: attribute {name!r} is required")
    for name, pattern in rule.restricted:
        value = element.get(name)
        if value is not None and not pattern.fullmatch(value):
            found.append(f"{where}: {name}={value!r} does not match {pattern.pattern}")
    if not rule.text and (element.text or "").strip():
        found.append(f"{where}: holds text, which the schema does not allow")
    tags = [child.tag for child in element]
    for child in element:
        if not rule.text and (child.tail or "").strip():
            found.append(f"{where}: holds text, which the schema does not allow")
        if child.tag not in rule.children:
            found.append(f"{where}: <{child.tag}> is not allowed in <{element.tag}>")
            continue
        _check(child, f"{where}/{child.tag}", found)
    if rule.sequence is not None:
        known = [tag for tag in tags if tag in rule.sequence]
        expected = [tag for tag in rule.sequence if tag in known]
        if known != expected:
            found.append(f"{where}: children {known} must come once each, in the order {expected}")

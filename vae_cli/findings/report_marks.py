"""The mark of a report file: `vae validate --report FORMAT:PATH` replaces a file that holds one,
and no other file that merely looks like a report.

Every report file carries it where its format allows a note its readers ignore:

- text, github: a first line `# vae_report: MARK`;
- json: a first key `"vae_report": MARK`;
- sarif: the log's property bag, `"properties": {"vae_report": MARK}`;
- junit: a comment `<!-- vae_report: MARK -->` on the line after the XML declaration;
- gitlab: GitLab's report is a bare array, with no room for a note; it is vae's own when it is
  exactly what vae writes: each issue naming vae as its `engine_name`, in vae's layout, an empty
  report written `[` and `]` on lines of their own (see `formats.gitlab.is_own`).

The mark is the same in every language of the report. Output printed with `--format` carries no
mark (but gitlab's layout), so a file made by redirecting it is the user's own.
"""

from __future__ import annotations

import json
import typing as t

from vae_cli.findings.formats import gitlab

MARK = "written by vae validate, which replaces this file each time it writes this report"
KEY = "vae_report"
_TEXT_MARK = f"# {KEY}: {MARK}"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
_XML_MARK = f"<!-- {KEY}: {MARK} -->"  # no "--" inside: XML comments cannot hold it


def mark(format_name: str, text: str) -> str:
    """`text`, the findings in `format_name`, with the mark of a report file."""
    if format_name in ("text", "github"):
        return f"{_TEXT_MARK}\n{text}"
    if format_name == "junit":
        declaration, _, rest = text.partition("\n")
        assert declaration == _XML_DECLARATION, declaration
        return f"{declaration}\n{_XML_MARK}\n{rest}"
    if format_name == "json":
        return _dump({KEY: MARK, **json.loads(text)})
    if format_name == "sarif":
        return _dump({**json.loads(text), "properties": {KEY: MARK}})
    assert format_name == "gitlab", format_name
    return text


def is_marked(text: str) -> bool:
    """Whether `text` is a report file vae wrote, in any format and language."""
    first, _, rest = text.partition("\n")
    if first == _TEXT_MARK:
        return True
    if first == _XML_DECLARATION:
        return rest.partition("\n")[0] == _XML_MARK
    if text.startswith("["):
        return gitlab.is_own(text)
    if not text.startswith("{"):
        return False
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: a hostile file of brackets
        return False
    if not isinstance(data, dict):
        return False
    properties = data.get("properties")
    return data.get(KEY) == MARK or (isinstance(properties, dict) and properties.get(KEY) == MARK)


def _dump(document: dict[str, t.Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

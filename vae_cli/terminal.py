"""Text from a plan, shown so that nothing in it acts: the one neutraliser of `vae`'s outputs.

A plan is written by someone else (a pull request, an archive received), and its text reaches
a reviewer's terminal, a CI log and a pull-request comment. Some characters are not shown
there but obeyed:

- C0 controls and DEL: an escape sequence (`ESC [2J` clears the screen, `ESC ]0;…` retitles
  the window, `ESC [8m` hides what follows), a carriage return that writes over a line, and a
  newline, after which `::error file=…::` is a new line that GitHub takes for a command;
- C1 controls (U+0080-U+009F: the one-character CSI and OSC, and NEL, a newline), and the line
  and paragraph separators (U+2028, U+2029), which some viewers break lines at;
- the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
  reorder the rest of the line as it is displayed ("Trojan Source").

`inert` shows each of them as a visible character, one for one, so that the text stays on
one line and a caret under it stays aligned. Every output that shows plan text to a person
passes it through `inert` (Markdown through `vae_cli.markdown`, which calls it); the JSON and
XML formats keep the data exact, with these characters written as their own escapes
(`escaped_in_json`, `escaped_in_xml`).
"""

from __future__ import annotations

import re

_SYMBOL_FOR_NEWLINE = 0x2424  # ␤
_REPLACEMENT = 0xFFFD  # �

# C0 controls and DEL as their control pictures (␀…␟, ␡: U+2400-U+2421); the other line
# breaks as ␤; C1 controls and the bidirectional controls, which have no picture, as �.
_PICTURES = {
    **{code: 0x2400 + code for code in range(0x20)},
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), _REPLACEMENT),
    **dict.fromkeys((0x85, 0x2028, 0x2029), _SYMBOL_FOR_NEWLINE),
    **dict.fromkeys((*range(0x202A, 0x202F), *range(0x2066, 0x206A)), _REPLACEMENT),
}

# Every character `inert` changes: what no plan text may hold as typed (`editing.arguments`).
ACTIVE = re.compile("[" + "".join(re.escape(chr(c)) for c in _PICTURES) + "]")
# What `inert` changes beyond C0, which JSON and XML writers escape or refuse already.
_LINE_BREAK = re.compile(r"(\r?\n)")
_ACTIVE_BEYOND_C0 = re.compile("[" + "".join(chr(c) for c in _PICTURES if c > 0x7E) + "]")


def inert(text: str) -> str:
    """`text` with every character a terminal, a log or a browser would act on shown as a
    visible one instead (see the module's docstring); the same length, on one line."""
    # The text itself when there is nothing to change (most texts): `str.translate` always
    # makes a copy, and a report's data holds every text of its plans.
    return text.translate(_PICTURES) if ACTIVE.search(text) else text


# The bidirectional controls alone, for HTML: there line breaks and tabs are layout, not
# commands, but an override still reorders what a reader sees ("Trojan Source").
_BIDI = dict.fromkeys((*range(0x202A, 0x202F), *range(0x2066, 0x206A)), _REPLACEMENT)


_BIDI_CHARACTERS = tuple(chr(c) for c in _BIDI)


def without_bidi_controls(text: str) -> str:
    """`text` (an HTML page) with each bidirectional embedding, override or isolate shown as
    �, as `inert` shows them: vae's own templates write none, so every one came from a plan."""
    # A look first (one fast search a control): most pages hold none, and `str.translate`
    # walks a page of 27 MB (a 5,000-action follow-up) character by character, some 2 s.
    return text.translate(_BIDI) if any(c in text for c in _BIDI_CHARACTERS) else text


def inert_lines(text: str) -> str:
    """Lines of text (a unified diff of a plan) with each line made inert, and the line breaks
    between them (`\\n`, `\\r\\n`) kept."""
    parts = _LINE_BREAK.split(text)
    return "".join(part if i % 2 else inert(part) for i, part in enumerate(parts))


def escaped_in_json(document: str) -> str:
    """A JSON document (as `json.dumps(..., ensure_ascii=False)` writes it, which escapes C0
    controls only) with DEL, C1 controls, the line separators and the bidirectional controls
    written as `\\uXXXX`: the same data for a program, nothing a terminal acts on. They can
    only occur inside strings, where the escape means the same character."""
    return _ACTIVE_BEYOND_C0.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def escaped_in_xml(document: str) -> str:
    """An XML document with the same characters written as character references (`&#x9B;`):
    the same text for an XML reader. They can only occur in text and attribute values."""
    return _ACTIVE_BEYOND_C0.sub(lambda m: f"&#x{ord(m.group()):X};", document)

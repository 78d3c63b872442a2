"""Text from a plan written into Markdown (GFM, CommonMark) so that it shows as typed.

One set of rules for every Markdown `vae` writes: the reports (`vae report --format md`), the
GitHub job summary of `vae validate` and the pull-request comment of `vae diff --format md`.

- `escape`: plain text. A value is put on one line and never opens a block (a heading, a list,
  a quote, a table row, a rule, a code block), wherever a template puts it: on a line of its
  own, in a list item, after a label, in a table cell.
- `code`: a code span, fenced with more backticks than the text holds in a row.

Both put the text on one line first and make it inert (`vae_cli.terminal`: no control
character or bidirectional override reaches the page, or the terminal the Markdown is printed
on). `escape` also keeps the forges from reading the text as their own references, which they
find in the rendered text, past any backslash: `@name` would notify a person or a team, and
`#123`, `GH-123` (or GitLab's `!123`) link an issue or a pull request. A word joiner (U+2060,
invisible and unbreakable) after the `@`, the `#`, the `!` or the `GH-` keeps them as typed; an
e-mail address (`@` after a letter) is left whole.

A web address (`http://`, `https://`) or an e-mail address in the text becomes an autolink
(`<https://dijon.fr/point_ecoute>`): backslashes would show inside it on GitHub, GitLab and
marked (`point\\_ecoute`, `%5C_`) and break the link, while inside an autolink every character is
literal. Punctuation that ends a sentence (`.`, `,`, `)`...) is left out of the address, as the
forges do with the addresses they link by themselves.
"""

from __future__ import annotations

import re

from vae_cli.terminal import inert

# Characters that can start Markdown syntax anywhere in a line: emphasis, code, links and
# images, HTML, table cells, strikethrough, entities, backslash escapes themselves, headings
# and GitHub's issue links (`#`), GitHub's math (`$`). Escaping every punctuation mark would be
# valid too, but unreadable as source.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#!$])")
# Breaking white space only: the no-break spaces of French typography (`1 234 €`, `En 2023 :`)
# are kept, as in the HTML.
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")
# What can start a block when a value begins a line (after at most the one space left of its
# leading whitespace) and `_INLINE` leaves alone: bullet lists and rules (`-`, `+`), setext
# underlines (`=`), ordered lists (`1.`, `2024)`, followed by a space or nothing). The
# punctuation is escaped, never the digits: in CommonMark a backslash before a digit is no
# escape and would show.
_LINE_START = re.compile(r"^( ?)([-+=]|\d+[.)](?= |$))")
# Mentions and references, as the forges' own patterns find them: `@` not after a letter, a
# digit or `_`, then a name; `#`, `!` or `GH-`, then a number.
_REFERENCE = re.compile(r"(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])|[#!](?=\d)|\bGH-(?=\d)", re.IGNORECASE)
_WORD_JOINER = "\u2060"
# Addresses an autolink can hold: no space, `<`, `>` (which end it), `|` (which ends a table
# cell even there), backtick or quote; e-mail addresses as CommonMark's autolinks take them,
# with a dotted domain.
_ADDRESS = re.compile(
    r"\bhttps?://[^\s<>|`\"'\u2060]+"
    r"|(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}*_~"
# Text none of the steps of `escape` would change, most of what a report writes (a title, a
# name, an amount): letters, digits, single spaces (French no-break ones too) and punctuation
# that is no syntax, not opening a block, with no `GH-` reference. Returned as it is.
_PLAIN = re.compile(
    r"(?! ?[-+=])(?! ?\d+[.)](?: |$))(?!.*\bGH-\d)"
    r"(?:[^\W_]|[\u00a0\u202f'’.,;:?()%€°«»\"-]| (?! ))*",
    re.IGNORECASE | re.DOTALL,
)


def one_line(text: str) -> str:
    """`text` with each run of breaking white space (newlines included) made one space, and
    what is left of the controls made inert."""
    return inert(_WHITESPACE.sub(" ", text))


def escape(text: str) -> str:
    """`text` as literal Markdown text: on one line, every syntax character backslash-escaped,
    no mention or issue reference, web and e-mail addresses as autolinks."""
    return text if _PLAIN.fullmatch(text) else escaped_in_full(text)


def escaped_in_full(text: str) -> str:
    """`escape` without its shortcut for plain text: every step taken."""
    flat = one_line(text)
    parts: list[str] = []
    last = 0
    for match in _ADDRESS.finditer(flat):
        address = _without_trailing_punctuation(match.group())
        if "://" in address and address.endswith("://"):
            continue  # a scheme and nothing else: text
        parts += [_escape_text(flat[last : match.start()]), f"<{address}>"]
        last = match.start() + len(address)
    parts.append(_escape_text(flat[last:]))
    return _LINE_START.sub(_escape_line_start, "".join(parts))


def _without_trailing_punctuation(address: str) -> str:
    """The address without what ends the sentence after it; a closing bracket stays when the
    address opened it (`https://fr.wikipedia.org/wiki/Dijon_(ville)`)."""
    while address and address[-1] in _TRAILING:
        if address[-1] == ")" and address.count("(") >= address.count(")"):
            break
        address = address[:-1]
    return address


def _escape_text(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", text)
    return _REFERENCE.sub(lambda m: m.group() + _WORD_JOINER, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    space, opener = match.groups()
    return f"{space}{opener[:-1]}\\{opener[-1]}"


def code(text: str, *, in_table: bool = False) -> str:
    """`text` as one code span, on one line.

    The fence has one backtick more than the longest run of backticks in `text`; a space pads
    the text where it starts or ends with a backtick, or starts and ends with a space (which
    CommonMark would strip). An empty text is a code span holding one space, as none can be
    empty. `in_table`: the span is in a GFM table cell, where `|` ends the cell even inside
    code, unless escaped (and the table removes that backslash).
    """
    flat = one_line(text) or " "
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = flat[0] == "`" or flat[-1] == "`" or (flat[0] == flat[-1] == " " and flat.strip(" "))
    pad = " " if padded else ""
    if in_table:
        flat = flat.replace("|", "\\|")
    return f"{fence}{pad}{flat}{pad}{fence}"

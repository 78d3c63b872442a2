"""Plan text in Markdown (PR comments, the GitHub job summary) without it turning into markup."""

from __future__ import annotations

import re

# Characters that start markup anywhere in a line (links, emphasis, code, HTML, entities, table
# cells). Escaping every punctuation mark would be valid CommonMark too, but unreadable as source.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# Markup that only counts at the start of a line: headings, quotes, list items.
_LEADING_MARK = re.compile(r"^([#>+\-=])")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """Plan text shown literally, on one line (a newline in a cell or bullet would break it)."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    text = _LEADING_MARK.sub(r"\\\1", text)
    return _LEADING_NUMBER.sub(r"\1\\\2", text)


def code(text: str) -> str:
    """An id or path in backticks; a backtick inside gets a longer fence (CommonMark rule)."""
    text = " ".join(text.split())
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"

"""French typography and order, without Babel (which has neither): the spaces French puts
around its punctuation, and a dictionary order for sorting."""

from __future__ import annotations

import re
import unicodedata

# A space (breaking or not) French puts a narrow no-break space in: before ; : ! ? and inside
# « », and between a number and %. Not before `%(` (a catalog's placeholder) nor `%%`'s twin.
_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0]+(?=[;:!?](?!\S))|(?<=\d)[ \u00a0]+(?=%(?!\())")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSING = re.compile(r"[ \u00a0\u202f]*»")
NARROW_NBSP = "\u202f"


def french_spacing(text: str) -> str:
    """`text` with French typography's spaces: a narrow no-break space (U+202F) before ; : ! ?
    and % and inside « », where the text has a space or none in « », so that no line starts
    with a colon or a closing guillemet. Text that has no such space (`https://`, `a:b`) is
    left alone."""
    if not any(mark in text for mark in ";:!?%«»"):
        return text  # most values: a quick look, not three passes
    text = _BEFORE_PUNCTUATION.sub(NARROW_NBSP, text)
    text = _AFTER_OPENING.sub("«" + NARROW_NBSP, text)
    return _BEFORE_CLOSING.sub(NARROW_NBSP + "»", text)


def french_order(text: str) -> tuple[str, str, str]:
    """A sort key putting texts in French dictionary order without ICU (Babel has no
    collation): letters first, an accented letter as its base letter (É with E, œ as oe), then
    accents and case only to part texts equal otherwise."""
    folded = text.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", folded)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (base, decomposed, text)

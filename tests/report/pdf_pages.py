"""What poppler-utils (`pdftotext`, `pdffonts`; Debian's poppler-utils, installed by .ci/run)
read in a PDF: the text of each page, how far down each page its content reaches, its fonts."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclasses.dataclass(frozen=True)
class Page:
    number: int
    text: str
    top: float  # where the content starts and ends, in points from the top of the sheet
    bottom: float
    height: float


def pages(pdf: Path, *, top_margin: float = 0, bottom_margin: float = 0) -> list[Page]:
    """Each page's text (in reading order) and the extent of its words, from `pdftotext`; the
    words in the margins (running heads, page numbers) are left out."""
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    # pdftotext writes an XHTML document with a doctype that ElementTree does not need.
    root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", layout))
    found = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        height = float(page.get("height", 0))
        words = [
            w
            for w in page.iter(f"{_XHTML}word")
            if float(w.get("yMin", 0)) >= top_margin
            and float(w.get("yMax", 0)) <= height - bottom_margin
        ]
        text = " ".join(w.text or "" for w in words)
        tops = [float(w.get("yMin", 0)) for w in words]
        bottoms = [float(w.get("yMax", 0)) for w in words]
        found.append(
            Page(
                number=number,
                text=text,
                top=min(tops, default=0.0),
                bottom=max(bottoms, default=0.0),
                height=height,
            )
        )
    return found


@dataclasses.dataclass(frozen=True)
class Font:
    name: str
    embedded: bool


def fonts(pdf: Path) -> list[Font]:
    """The fonts `pdffonts` lists: name and whether the PDF embeds it."""
    listing = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    # Columns: name, type (may hold spaces), encoding, emb, sub, uni, object, generation.
    return [Font(name=line.split()[0], embedded=line.split()[-5] == "yes") for line in listing]

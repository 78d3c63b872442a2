"""Make the fonts `vae report --format pdf` embeds, from Debian's font packages.

    apt-get install fonts-noto-core fonts-dejavu-core && python -m tools.fonts

A PDF must look the same whatever fonts the machine that writes it has, and carry every glyph
the reports use (the ⏸ of « En pause » is in none of the common Linux text fonts), so vae ships
its own: Noto Sans for the text, DejaVu Sans Mono for code, DejaVu Sans and Noto Sans Symbols 2
for the symbols of the statuses. Each is cut down to the characters a French or English report
can hold (the Latin scripts, punctuation, money, arrows, the symbols), which keeps the package
small; a character outside them (a name in another script) falls back to the machine's fonts.
Licences: SIL Open Font License 1.1 (Noto), Bitstream Vera and public-domain changes (DejaVu);
both are copied beside the fonts, as they require.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "vae_cli" / "report" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

# Latin (Basic, Latin-1, Extended-A and B), the spacing modifiers of French typography, general
# punctuation (narrow no-break space, word joiner, dashes, quotes), currencies, letter-like
# symbols and number forms.
TEXT = "U+0020-024F,U+02B0-02FF,U+0300-036F,U+2000-206F,U+20A0-20CF,U+2100-215F,U+2212"
# What the statuses, bars, charts and legends draw: arrows, mathematical operators, box drawing,
# blocks, geometric shapes, miscellaneous symbols and dingbats.
SYMBOLS = "U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2500-259F,U+25A0-25FF,U+2600-26FF,U+2700-27BF"

FONTS = {
    "NotoSans-Regular.ttf": (NOTO / "NotoSans-Regular.ttf", TEXT),
    "NotoSans-Bold.ttf": (NOTO / "NotoSans-Bold.ttf", TEXT),
    "NotoSans-Italic.ttf": (NOTO / "NotoSans-Italic.ttf", TEXT),
    "NotoSans-BoldItalic.ttf": (NOTO / "NotoSans-BoldItalic.ttf", TEXT),
    "DejaVuSansMono.ttf": (DEJAVU / "DejaVuSansMono.ttf", TEXT),
    "DejaVuSans-Symbols.ttf": (DEJAVU / "DejaVuSans.ttf", SYMBOLS),
    "DejaVuSans-Bold-Symbols.ttf": (DEJAVU / "DejaVuSans-Bold.ttf", SYMBOLS),
    "NotoSansSymbols2-Regular.ttf": (NOTO / "NotoSansSymbols2-Regular.ttf", SYMBOLS),
}
LICENCES = {
    "LICENCE-Noto.txt": Path("/usr/share/doc/fonts-noto-core/copyright"),
    "LICENCE-DejaVu.txt": Path("/usr/share/doc/fonts-dejavu-core/copyright"),
}


def make(name: str, source: Path, ranges: str) -> None:
    options = subset.Options()
    options.hinting = False  # print and PDF viewers do without; a third of the size
    options.layout_features = ["*"]  # kerning, ligatures, the marks of accented letters
    options.name_IDs = ["*"]  # the names, copyright and licence notice travel with the font
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(ranges))
    subsetter.subset(font)
    subset.save_font(font, str(TARGET / name), options)


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, (source, ranges) in FONTS.items():
        make(name, source, ranges)
    for name, source in LICENCES.items():
        shutil.copyfile(source, TARGET / name)
    for path in sorted(TARGET.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

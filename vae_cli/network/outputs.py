"""The network report's files, by format name: each a file name and a writer of the report.

A format is one entry here; `vae network --format` offers every entry, and `all` writes them
all. Documents carry their language in their name (`network-2023.fr.md`), as `vae report`'s do
(`2023-followup.fr.md`), so that both languages live side by side; the tidy data file holds
no words of a language (Open SDG's English column names, the plans' own text) and has none
(`network-2023-indicators.csv`).
"""

from __future__ import annotations

import dataclasses
import typing as t
from pathlib import Path

from vae_cli.network.data import NetworkReport, Section


@dataclasses.dataclass(frozen=True, kw_only=True)
class Output:
    suffix: str
    # With the language in the name (a document), or not (data).
    in_language: bool
    write: t.Callable[[NetworkReport], str | bytes]
    # Whether the file at a target is one this format wrote (which vae may overwrite).
    generated: t.Callable[[Path], bool]
    # Whether the writer reads the indicators' values (`CityRow.tidy`); the others get
    # the report without them (see `written`).
    indicators: bool = False

    def written(self, report: NetworkReport) -> str | bytes:
        """The file's content. A document is given the report without the indicators' values:
        it shows none of them, and a template's data is a copy of all it is given (some
        75,000 values for 300 plans, most of the time of writing the report)."""
        return self.write(report if self.indicators else without_indicators(report))

    def file_name(self, year: int, lang: str) -> str:
        if self.in_language:
            return f"network-{year}.{lang}.{self.suffix}"
        return f"network-{year}-indicators.{self.suffix}"


def without_indicators(report: NetworkReport) -> NetworkReport:
    """`report` with no city's indicator values (they are the tidy file's)."""

    def lighter(section: Section) -> Section:
        cities = tuple(dataclasses.replace(c, tidy="") for c in section.cities)
        return dataclasses.replace(section, cities=cities)

    return dataclasses.replace(
        report,
        whole=lighter(report.whole),
        departments=tuple(lighter(s) for s in report.departments),
    )


def _markdown(report: NetworkReport) -> str:
    from vae_cli.report.environment import render

    return render("network.md", report, lang=report.lang, command="vae network")


def _tidy(report: NetworkReport) -> str:
    from vae_cli.network.tidy import tidy_csv

    return tidy_csv(report)


def _report_generated(path: Path) -> bool:
    from vae_cli.report.environment import is_generated

    return is_generated(path)


def _tidy_generated(path: Path) -> bool:
    from vae_cli.network.tidy import is_tidy_csv

    return is_tidy_csv(path)


def _html(report: NetworkReport) -> str:
    from vae_cli.network.page import html

    return html(report)


def _ods(report: NetworkReport) -> bytes:
    from vae_cli.network.sheets import ods

    return ods(report)


def _xlsx(report: NetworkReport) -> bytes:
    from vae_cli.network.sheets import xlsx

    return xlsx(report)


def _sheet_generated(path: Path) -> bool:
    from vae_cli.network.sheets import is_generated

    return is_generated(path)


OUTPUTS: dict[str, Output] = {
    "md": Output(suffix="md", in_language=True, write=_markdown, generated=_report_generated),
    "csv": Output(
        suffix="csv", in_language=False, write=_tidy, generated=_tidy_generated, indicators=True
    ),
    "html": Output(suffix="html", in_language=True, write=_html, generated=_report_generated),
    "ods": Output(suffix="ods", in_language=True, write=_ods, generated=_sheet_generated),
    "xlsx": Output(suffix="xlsx", in_language=True, write=_xlsx, generated=_sheet_generated),
}
# What `vae network` writes without --format: those of these that exist.
DEFAULT_FORMATS = ("md", "html", "ods")


def default_formats() -> list[str]:
    return [name for name in DEFAULT_FORMATS if name in OUTPUTS]

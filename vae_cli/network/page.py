"""The network report as one HTML page (`templates/network.html`): self-contained (its CSS
inline, nothing fetched), French or English as the report's `lang`, readable on a phone and
printable on A4.

The template reads plain data only: the report's values with every text made inert (a
bidirectional override in a city's name would reorder the rest of its table cell, a control
character has no business in a page), sets sorted, enumerations as their values. Autoescaping
does the rest: a `<script>` in a plan shows as text.
"""

from __future__ import annotations

import dataclasses
import typing as t

from vae_cli.network.data import CityRow, NetworkReport, Section
from vae_cli.report.template_data import to_template_data
from vae_cli.terminal import inert

TEMPLATE = "network.html"


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Part:
    """A section of the page: the whole network, or one département's."""

    anchor: str  # the prefix of its ids: "network", "dep-21"
    section: Section
    # The plans its table lists. With départements, the network's own part lists only the
    # plans no département's part lists (an unreadable plan has no département): the same
    # 300 rows twice would only make the page twice as long, and none may be left out.
    cities: tuple[CityRow, ...]
    outside_departments: bool = False


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Page:
    year: int
    sources: tuple[str, ...]
    department: str | None  # `--department`: the one département kept
    unplaced: tuple[str, ...]  # then, the plans whose département could not be read
    whole: _Part
    departments: tuple[_Part, ...]


def page_data(report: NetworkReport) -> object:
    """What `templates/network.html` reads as `report`: plain data (see the module's doc)."""
    listed = {c.path for s in report.departments for c in s.cities}
    page = _Page(
        year=report.year,
        sources=report.sources,
        department=report.department,
        unplaced=report.unplaced,
        whole=_Part(
            anchor="network",
            section=report.whole,
            cities=tuple(c for c in report.whole.cities if c.path not in listed),
            outside_departments=bool(report.departments),
        ),
        departments=tuple(
            _Part(anchor=f"dep-{_anchor(s.department or '')}", section=s, cities=s.cities)
            for s in report.departments
        ),
    )
    return to_template_data(page, text=inert)


def html(report: NetworkReport) -> str:
    """The page, in the report's language."""
    from vae_cli.report.environment import render  # Jinja2: only for the commands that render

    return render(TEMPLATE, page_data(report), lang=report.lang, command="vae network")


def _anchor(code: str) -> str:
    """A département's code as part of an id ("2A", "974"): letters and digits only."""
    return "".join(c for c in code if c.isascii() and c.isalnum()) or "none"


__all__: t.Sequence[str] = ["html", "page_data"]

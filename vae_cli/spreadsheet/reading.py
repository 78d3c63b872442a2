"""A spreadsheet file read back: its properties and, per sheet, the values of its cells as the
file types them (numbers, text, dates...). What they mean is importing.py's business."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from vae_cli.errors import UsageError
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import msg

# A sheet of the 5,000-action plan has about 100,000 cells; far more is not a follow-up table
# (and a file that says "this row, a million times" must not fill the memory).
MAX_CELLS = 2_000_000
MAX_BYTES = 200 * 1024 * 1024
FORMATS = (".ods", ".xlsx")


@dataclasses.dataclass(frozen=True)
class Percent:
    """A cell typed as a percentage: 0.45, shown as 45 %."""

    value: float


CellValue = str | float | int | bool | dt.date | dt.datetime | dt.time | Percent | None


@dataclasses.dataclass(frozen=True)
class RawSheet:
    name: str
    rows: list[list[CellValue]]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Book:
    properties: dict[str, str]
    sheets: list[RawSheet]


class TooLarge(Exception):
    def __init__(self, max_cells: int) -> None:
        super().__init__(max_cells)
        self.max_cells = max_cells


def read_book(path: Path, lang: str) -> Book:
    """The file at `path`, read; a file that is no spreadsheet of ours is a usage error."""
    from vae_cli.spreadsheet import ods, xlsx

    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            msg("{file}: vae import reads .ods and .xlsx files", file=shown).written_in(lang),
            hint=msg(
                "a .csv file says nothing of the plan and year it is for: import the .ods or "
                ".xlsx file that vae export wrote"
            ).written_in(lang),
        )
    try:
        if not path.is_file():
            raise UsageError(msg("{file}: no such file", file=shown).written_in(lang))
        if path.stat().st_size > MAX_BYTES:
            raise TooLarge(MAX_CELLS)
        data = path.read_bytes()
        reader = ods.read if suffix == ".ods" else xlsx.read
        return reader(data, max_cells=MAX_CELLS)
    except UsageError:
        raise
    except TooLarge:
        raise UsageError(
            msg("{file} is too large to be a follow-up table", file=shown).written_in(lang)
        ) from None
    except OSError as e:
        raise UsageError(
            msg("cannot read {file}: {reason}", file=shown, reason=e.strerror or str(e)).written_in(
                lang
            )
        ) from None
    except Exception as e:
        # Whatever the libraries raise on a file that is not what its name says, or is damaged
        # (a zip without its parts, XML cut short...): the file's problem, not a bug of ours.
        raise UsageError(
            msg(
                "{file} cannot be read as a {kind} spreadsheet", file=shown, kind=suffix[1:]
            ).written_in(lang),
            hint=msg(
                "open it in LibreOffice or Excel and save it again as {kind} ({reason})",
                kind=suffix[1:],
                reason=type(e).__name__,
            ).written_in(lang),
        ) from None

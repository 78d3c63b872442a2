"""`vae import`: the year's entries a department filled in, recorded in the plan.

Each file is read (reading.py), checked to be the follow-up of this plan (its properties), and
its filled-in cells read as entries (cells.py), each remembering its cell. Entries of several
files are merged; two files that disagree on an entry are a problem, as is any cell that does
not read. Only when there is no problem are the entries spliced into the plan, with `vae
record`'s splicer (editing/record.py), and the plan checked: an entry that would add an error
refuses the whole import, with the cell it came from. Nothing here prints or writes; the command
shows the outcome, and writes it unless `--dry-run`.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import typing as t
from pathlib import Path

from openpyxl.utils import get_column_letter

from vae_cli.check import Checker
from vae_cli.editing import record as rec
from vae_cli.editing.source import Source, parse, read_source
from vae_cli.editing.splice import Context, Edit, Entry, apply
from vae_cli.findings.diagnostics import Diagnostic, FileResult, Severity, display_path
from vae_cli.i18n.messages import Message, msg
from vae_cli.models.plan import Plan
from vae_cli.reading.shape_findings import did_you_mean
from vae_cli.reading.yaml_document import Data, Document
from vae_cli.spreadsheet import cells
from vae_cli.spreadsheet import layout as lay
from vae_cli.spreadsheet.reading import Book, CellValue, RawSheet, read_book
from vae_cli.spreadsheet.table import PREFIX, plan_id


@dataclasses.dataclass(frozen=True)
class Place:
    """A cell of a file: `Actions!J12` of `suivi/direction-de-l-education.ods`."""

    file: str
    sheet: str
    column: int  # from 0
    row: int  # from 1, as the spreadsheet numbers rows

    @property
    def cell(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.column + 1)}{self.row}"


@dataclasses.dataclass(frozen=True)
class Problem:
    """Why an import is refused: located in a file (and a cell), or in the plan."""

    file: str
    message: Message
    hint: Message | None = None
    place: Place | None = None

    def written(self, lang: str) -> str:
        where = f"{self.file}: {self.place.cell}" if self.place else self.file
        said: Message = self.message
        if self.hint is not None:
            said = msg("{message}; {hint}", message=self.message, hint=self.hint)
        return f"{where}: {said.written_in(lang)}"


@dataclasses.dataclass(frozen=True)
class Wanted:
    """An entry a sheet asks for: `progress` of an action or `measurements` of an indicator."""

    key: str  # "progress" or "measurements"
    item: str  # the action's or the indicator's id
    entry: Entry
    places: dict[str, Place]  # the cell of each field given
    row: Place  # the id's cell
    typed: dict[str, str]  # what each field's cell shows, to quote it

    def place_of(self, field: str) -> Place:
        return self.places.get(field, self.row)


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem], plan_result: FileResult | None = None) -> None:
        super().__init__(len(problems))
        self.problems = problems
        self.plan_result = plan_result  # findings of the plan as it would be, to show them


@dataclasses.dataclass(kw_only=True)
class Outcome:
    source: Source
    new_text: str
    year: int
    recorded: list[Wanted]
    unchanged: int  # entries the files give that the plan already holds
    result: FileResult
    new_warnings: list[Diagnostic]

    def diff(self) -> str:
        return rec.unified_diff(self.source, self.new_text)


# --- Reading a file --------------------------------------------------------------------------


def _sheet(book: Book, key: str) -> RawSheet | None:
    names = {lay.fold(lay.SHEET_NAMES[key].written_in(lang)) for lang in ("en", "fr")}
    return next((s for s in book.sheets if lay.fold(s.name) in names), None)


class _FileReader:
    """The entries one file asks for, and the problems found reading it."""

    def __init__(
        self, path: Path, plan: Plan, plan_path: Path, lang: str, year: int | None = None
    ) -> None:
        self.asked = year
        self.file = display_path(path)
        self.plan = plan
        self.plan_path = plan_path
        self.lang = lang
        self.problems: list[Problem] = []
        self.wanted: list[Wanted] = []
        self.year: int | None = None
        self.sheet_lang = lang

    def problem(
        self, message: Message, hint: Message | None = None, place: Place | None = None
    ) -> None:
        self.problems.append(Problem(self.file, message, hint, place))

    def read(self, book: Book) -> None:
        if not self._properties(book.properties):
            return
        assert self.year is not None
        mandate = range(self.plan.mandate.start, self.plan.mandate.end + 1)
        self._actions(book, lay.actions_layout(self.year))
        self._indicators(book, lay.indicators_layout(self.year, mandate))

    def _properties(self, properties: dict[str, str]) -> bool:
        """Whether the file says it is the follow-up of this plan, for a year of its mandate."""
        plan = self.plan
        ours = plan_id(plan.city.insee_code, (plan.mandate.start, plan.mandate.end))
        theirs = properties.get(PREFIX + "plan")
        if theirs is None:
            self.problem(
                msg("this file was not written by vae export: its properties name no plan"),
                msg("export the year's table with vae export, fill it in, then import it"),
            )
            return False
        if theirs != ours:
            self.problem(
                msg(
                    "this is the follow-up of another plan ({city}, {theirs}), not of {plan} "
                    "({ours})",
                    city=properties.get(PREFIX + "city", "?"),
                    theirs=theirs,
                    plan=display_path(self.plan_path),
                    ours=ours,
                ),
                msg("import it into the plan it was exported from"),
            )
            return False
        if properties.get(PREFIX + "layout") != str(lay.LAYOUT_VERSION):
            self.problem(
                msg(
                    "this file was written by another version of vae export (layout {layout})",
                    layout=properties.get(PREFIX + "layout", "?"),
                ),
                msg("export the year's table again with this vae and fill that one in"),
            )
            return False
        year = properties.get(PREFIX + "year", "")
        if not year.isdigit() or int(year) not in range(plan.mandate.start, plan.mandate.end + 1):
            self.problem(
                msg(
                    "this file is the follow-up of {year}, outside the plan's mandate "
                    "{start}-{end}",
                    year=year,
                    start=plan.mandate.start,
                    end=plan.mandate.end,
                )
            )
            return False
        if self.asked is not None and int(year) != self.asked:
            self.problem(
                msg(
                    "this file is the follow-up of {year}, not of {asked}",
                    year=year,
                    asked=self.asked,
                ),
                msg(
                    "import the files of {asked}, or this one with --year {year}",
                    asked=self.asked,
                    year=year,
                ),
            )
            return False
        self.year = int(year)
        self.sheet_lang = properties.get(PREFIX + "lang", self.lang)
        return True

    def _columns(self, sheet: RawSheet, layout: lay.SheetLayout) -> dict[str, int] | None:
        """Where each column of `layout` is in `sheet` (a person may have moved them)."""
        by_text = lay.headers_by_text(layout)
        header = sheet.rows[0] if sheet.rows else []
        found: dict[str, int] = {}
        for i, value in enumerate(header):
            column = by_text.get(lay.fold(cells.shown(value))) if value is not None else None
            if column is None:
                continue
            if column.key in found:
                self.problem(
                    msg("the column « {header} » is there twice", header=cells.shown(value)),
                    msg("keep one of them"),
                    Place(self.file, sheet.name, i, 1),
                )
                return None
            found[column.key] = i
        needed = [c for c in layout.columns if c.key == "id" or c.fill]
        missing = [c for c in needed if c.key not in found]
        if missing:
            self.problem(
                msg(
                    "the sheet {sheet} has no column « {header} »",
                    sheet=sheet.name,
                    header=missing[0].header.written_in(self.sheet_lang),
                ),
                msg(
                    "the first row must keep the headers vae export wrote; is this the "
                    "follow-up of {year}?",
                    year=self.year,
                ),
            )
            return None
        return found

    def _rows(
        self, book: Book, key: str, layout: lay.SheetLayout
    ) -> t.Iterator[tuple[RawSheet, int, dict[str, CellValue], dict[str, int], str]]:
        """Each row with an id: the sheet, its row number, its cells by column key, the
        columns' positions and its id."""
        sheet = _sheet(book, key)
        if sheet is None:
            self.problem(
                msg(
                    "the file has no sheet {sheet}",
                    sheet=lay.SHEET_NAMES[key].written_in(self.sheet_lang),
                ),
                msg("import the file vae export wrote, with its sheets' names as they were"),
            )
            return
        columns = self._columns(sheet, layout)
        if columns is None:
            return
        fill = [c.key for c in layout.columns if c.fill]
        seen: dict[str, int] = {}
        for r, raw in enumerate(sheet.rows[1:], start=2):
            values = {k: raw[i] if i < len(raw) else None for k, i in columns.items()}
            for k, v in values.items():
                if isinstance(v, str) and not v.strip():
                    values[k] = None  # a cell holding spaces is an empty cell
            item = values.get("id")
            if item is None:
                if any(values.get(k) is not None for k in fill):
                    self.problem(
                        msg("this row has figures but no id"),
                        msg("write back the id vae export wrote in this column"),
                        Place(self.file, sheet.name, columns["id"], r),
                    )
                continue
            item = cells.shown(item)
            if item in seen:
                self.problem(
                    msg(
                        "the id « {id} » is on rows {first} and {row}",
                        id=item,
                        first=seen[item],
                        row=r,
                    ),
                    msg("keep one row per id"),
                    Place(self.file, sheet.name, columns["id"], r),
                )
                continue
            seen[item] = r
            yield sheet, r, values, columns, item

    def _cell(
        self,
        sheet: RawSheet,
        columns: dict[str, int],
        values: dict[str, CellValue],
        key: str,
        r: int,
        read: t.Callable[[CellValue], object],
    ) -> object:
        """The cell of column `key` read by `read` (None when empty; `_BAD`, with its problem
        recorded, when it does not read)."""
        value = values.get(key)
        if value is None:
            return None
        try:
            return read(value)
        except cells.CellProblem as e:
            self.problem(e.message, e.hint, Place(self.file, sheet.name, columns[key], r))
            return _BAD

    def _actions(self, book: Book, layout: lay.SheetLayout) -> None:
        assert self.year is not None
        actions = {a.id: a for a in self.plan.actions}
        for sheet, r, values, columns, item in self._rows(book, lay.ACTIONS, layout):
            place = Place(self.file, sheet.name, columns["id"], r)
            action = actions.get(item)
            if action is None:
                self._unknown("action", item, list(actions), place)
                continue
            lang = self.sheet_lang
            fields = {
                "status": self._cell(
                    sheet, columns, values, "status", r, functools.partial(cells.status, lang=lang)
                ),
                "spent_eur": self._cell(
                    sheet, columns, values, "spent", r, lambda v: cells.number(v, euros=True)
                ),
                "note": self._cell(
                    sheet, columns, values, "note", r, lambda v: cells.text(v, lines=True) or None
                ),
            }
            fields = {k: v for k, v in fields.items() if v is not None}
            if not fields or _BAD in fields.values():
                continue
            recorded = any(p.year == self.year for p in action.progress)
            if "status" not in fields and not recorded:
                self.problem(
                    msg("spending or a note for {year} needs a status too", year=self.year),
                    msg("choose the action's status in the list"),
                    Place(self.file, sheet.name, columns["status"], r),
                )
                continue
            places = {
                name: Place(self.file, sheet.name, columns[key], r)
                for name, key in (("status", "status"), ("spent_eur", "spent"), ("note", "note"))
            }
            typed = _typed(values, {"status": "status", "spent_eur": "spent", "note": "note"})
            entry = _entry(self.year, fields)
            self.wanted.append(Wanted("progress", item, entry, places, place, typed))

    def _indicators(self, book: Book, layout: lay.SheetLayout) -> None:
        assert self.year is not None
        indicators = {i.id: i for a in self.plan.actions for i in a.indicators}
        value_key = f"value_{self.year}"
        for sheet, r, values, columns, item in self._rows(book, lay.INDICATORS, layout):
            place = Place(self.file, sheet.name, columns["id"], r)
            indicator = indicators.get(item)
            if indicator is None:
                self._unknown("indicator", item, list(indicators), place)
                continue
            unit = indicator.unit
            fields = {
                "value": self._cell(
                    sheet, columns, values, value_key, r, functools.partial(cells.number, unit=unit)
                ),
                "source": self._cell(
                    sheet, columns, values, "source", r, lambda v: cells.text(v) or None
                ),
            }
            fields = {k: v for k, v in fields.items() if v is not None}
            if not fields or _BAD in fields.values():
                continue
            recorded = any(m.year == self.year for m in indicator.measurements)
            if "value" not in fields and not recorded:
                self.problem(
                    msg("a source for {year} needs the value too", year=self.year),
                    msg("type the value measured in the year's column"),
                    Place(self.file, sheet.name, columns[value_key], r),
                )
                continue
            places = {
                "value": Place(self.file, sheet.name, columns[value_key], r),
                "source": Place(self.file, sheet.name, columns["source"], r),
            }
            typed = _typed(values, {"value": value_key, "source": "source"})
            entry = _entry(self.year, fields)
            self.wanted.append(Wanted("measurements", item, entry, places, place, typed))

    def _unknown(self, kind: str, item: str, known: list[str], place: Place) -> None:
        close = did_you_mean(item, known)
        shown = display_path(self.plan_path)
        self.problem(
            msg("no action « {id} » in {plan}", id=item, plan=shown)
            if kind == "action"
            else msg("no indicator « {id} » in {plan}", id=item, plan=shown),
            msg("did you mean « {id} »?", id=close)
            if close
            else msg("write back the id vae export wrote"),
            place,
        )


_BAD = object()  # a cell that did not read (its problem is recorded)


def _typed(values: dict[str, CellValue], columns: dict[str, str]) -> dict[str, str]:
    return {
        field: cells.shown(values[key])
        for field, key in columns.items()
        if values.get(key) is not None
    }


def _entry(year: int, fields: dict[str, object]) -> Entry:
    return t.cast(Entry, {"year": year, **fields})


# --- Merging files, and the plan's own entries ------------------------------------------------


def _merge(readers: list[_FileReader], lang: str) -> tuple[int | None, list[Wanted], list[Problem]]:
    """One entry per action and indicator, from all the files; a problem where two disagree."""
    problems: list[Problem] = []
    years = {r.year for r in readers if r.year is not None}
    if len(years) > 1:
        listed = ", ".join(f"{r.file} ({r.year})" for r in readers if r.year is not None)
        problems.append(
            Problem(
                readers[0].file,
                msg("these files are the follow-ups of different years: {files}", files=listed),
                msg("import the files of one year at a time"),
            )
        )
        return None, [], problems
    merged: dict[tuple[str, str], Wanted] = {}
    for reader in readers:
        for wanted in reader.wanted:
            key = (wanted.key, wanted.item)
            other = merged.get(key)
            if other is None:
                merged[key] = wanted
                continue
            for field, value in wanted.entry.items():
                if field in other.entry and other.entry[field] != value:
                    here, there = wanted.place_of(field), other.place_of(field)
                    problems.append(
                        Problem(
                            here.file,
                            msg(
                                "« {value} » here, « {other} » in {file} {cell}: the files "
                                "disagree on {id}",
                                value=wanted.typed.get(field, str(value)),
                                other=other.typed.get(field, str(other.entry[field])),
                                file=there.file,
                                cell=there.cell,
                                id=wanted.item,
                            ),
                            msg("keep the right figure in one file and empty the other cell"),
                            here,
                        )
                    )
                    break
            else:
                merged[key] = dataclasses.replace(
                    other,
                    entry={**wanted.entry, **other.entry},
                    places={**wanted.places, **other.places},
                    typed={**wanted.typed, **other.typed},
                )
    return (years.pop() if years else None), list(merged.values()), problems


def _already_there(current: dict[str, Data] | None, entry: Entry) -> bool:
    if current is None:
        return False
    for field, value in entry.items():
        old = current.get(field)
        if isinstance(old, int | float) and isinstance(value, int | float):
            if isinstance(old, bool) or old != value:
                return False
        elif old != value:
            return False
    return True


def _current(document: Document, target: rec.Target, year: int) -> dict[str, Data] | None:
    node: t.Any = document.data
    for part in target.path:
        node = node[part]
    items = node.get(target.key) if isinstance(node, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("year") == year:
            return t.cast(dict[str, Data], item)
    return None


# --- The edit --------------------------------------------------------------------------------


class _Spans:
    """The parts of the text a round's edits touch, kept in order: a new edit is checked
    against its neighbours only (thousands of entries go into one text)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, edits: list[Edit]) -> bool:
        for edit in edits:
            i = bisect.bisect_right(self.starts, edit.end)
            # The span starting at or before this edit's end must end before its start.
            if i and self.ends[i - 1] >= edit.start:
                return False
        return True

    def take(self, edits: list[Edit]) -> None:
        for edit in edits:
            i = bisect.bisect_right(self.starts, edit.start)
            self.starts.insert(i, edit.start)
            self.ends.insert(i, edit.end)


def _splice_all(
    source: Source, document: Document, wanted: list[tuple[Wanted, rec.Target]]
) -> tuple[str, Document, list[tuple[Wanted, rec.Spliced]]]:
    """The text with every entry spliced in. Entries go into lists of their own, so their
    edits touch different places and are worked out on the same text at once; the few that
    touch the same place (two lists added to one action) wait for the next round."""
    text, done = source.text, []
    pending = wanted
    while pending:
        context = Context(text, document)
        batch: list[tuple[Wanted, rec.Spliced]] = []
        taken = _Spans()
        later: list[tuple[Wanted, rec.Target]] = []
        for item, target in pending:
            spliced = rec.splice_entry(
                text, document, target, item.entry, replace=True, context=context
            )
            if not taken.free(spliced.change.edits):
                later.append((item, target))
                continue
            taken.take(spliced.change.edits)
            batch.append((item, spliced))
        new_text = apply(text, [e for _, s in batch for e in s.change.edits])
        document = rec.verify(document, [s for _, s in batch], new_text)
        text, pending = new_text, later
        done += batch
    return text, document, done


def _located(
    diagnostic: Diagnostic, entries: list[tuple[Wanted, rec.Spliced]], file: str
) -> Problem:
    """A finding the import would add, at the cell its entry came from when it can tell."""
    path = diagnostic.data_path or ""
    place: Place | None = None
    for item, _ in entries:
        if item.key == "progress":
            prefix = f"actions[{item.item}].progress"
        else:
            prefix = f".indicators[{item.item}].measurements"
        if prefix in path:
            field = path.rsplit(".", 1)[-1]
            place = item.place_of(field)
            break
    where = f"{file}:{diagnostic.position.line}:{diagnostic.position.column}"
    message = msg("{message} (the plan, {where})", message=diagnostic.message, where=where)
    if place is None:
        return Problem(file, message, diagnostic.hint)
    return Problem(place.file, message, diagnostic.hint, place)


def import_files(
    paths: list[Path], plan_path: Path, *, checker: Checker, lang: str, year: int | None = None
) -> Outcome:
    """Work out the plan with the files' entries recorded; write nothing. ImportRefused lists
    every problem when there is one. With `year`, a file of another year is one."""
    source = read_source(plan_path)
    document = parse(source)
    before = checker.check_plan(plan_path, document=document)
    if before.plan is None:
        raise ImportRefused(
            [
                Problem(
                    source.shown,
                    msg("the plan has errors that keep vae from reading it"),
                    msg("fix them first (vae validate shows them)"),
                )
            ],
            before.result,
        )
    readers: list[_FileReader] = []
    for path in paths:
        reader = _FileReader(path, before.plan, plan_path, lang, year)
        reader.read(read_book(path, lang))
        readers.append(reader)
    year, wanted, problems = _merge(readers, lang)
    problems = [p for r in readers for p in r.problems] + problems
    if problems or year is None:
        raise ImportRefused(problems)

    actions = rec.action_targets(document)
    indicators = rec.indicator_targets(document)
    todo: list[tuple[Wanted, rec.Target]] = []
    unchanged = 0
    for item in wanted:
        if item.key == "progress":
            target = actions[item.item]
        else:
            found = indicators[item.item]
            if len(found) > 1:
                problems.append(
                    Problem(
                        item.row.file,
                        msg(
                            "the indicator id « {id} » is used more than once in the plan",
                            id=item.item,
                        ),
                        msg("give each indicator its own id (vae validate shows where)"),
                        item.row,
                    )
                )
                continue
            target = found[0]
        if _already_there(_current(document, target, year), item.entry):
            unchanged += 1
        else:
            todo.append((item, target))
    if problems:
        raise ImportRefused(problems)

    new_text, edited, entries = _splice_all(source, document, todo)
    after = checker.check_plan(plan_path, document=edited).result
    errors = rec.gained(before.result, after, Severity.ERROR)
    if errors:
        raise ImportRefused([_located(d, entries, source.shown) for d in errors], after)
    return Outcome(
        source=source,
        new_text=new_text,
        year=year,
        recorded=[w for w, _ in entries],
        unchanged=unchanged,
        result=after,
        new_warnings=rec.gained(before.result, after, Severity.WARNING),
    )

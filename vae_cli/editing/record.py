"""`vae record`: add (or, asked to, replace) one year's entry, check the result, then write it.

Each command finds the list the entry belongs to, splices the entry in (see splice.py), checks
that the new text holds exactly the data intended, and refuses to write a plan that would gain
an error. Nothing here prints: the CLI shows the outcome.
"""

from __future__ import annotations

import collections
import copy
import dataclasses
import datetime as dt
import math
import re
import typing as t
from pathlib import Path

from vae_cli.check import Checker
from vae_cli.editing import line_diff
from vae_cli.editing.errors import EditRefused
from vae_cli.editing.source import Source, parse, read_source
from vae_cli.editing.splice import Context, Entry, Upsert, apply, upsert
from vae_cli.errors import UsageError
from vae_cli.findings.diagnostics import Diagnostic, FileResult, Severity
from vae_cli.i18n.messages import Message, msg, render, verbatim
from vae_cli.models.plan import Action, Indicator, Membership, Status
from vae_cli.reading.shape_findings import did_you_mean
from vae_cli.reading.yaml_document import Data, Document, compose


@dataclasses.dataclass(frozen=True)
class Target:
    """Where an entry goes: the list `key` of the mapping at `path` in the plan's data."""

    path: tuple[str | int, ...]
    key: str
    key_order: tuple[str, ...]
    what: Message  # how the user knows it: 'the action "rues-aux-ecoles"'


@dataclasses.dataclass(kw_only=True)
class Outcome:
    source: Source
    new_text: str
    summary: Message
    result: FileResult  # the findings of the edited plan, for showing those it adds
    new_errors: list[Diagnostic]
    new_warnings: list[Diagnostic]

    def diff(self) -> str:
        return unified_diff(self.source, self.new_text)


def unified_diff(source: Source, new_text: str) -> str:
    """The change from the file as read to `new_text`, as `git diff` shows it."""
    return line_diff.unified_diff(
        source.text, new_text, old_name=f"a/{source.shown}", new_name=f"b/{source.shown}"
    )


# --- Finding where the entry goes ------------------------------------------------------------


def _items(data: dict[str, Data], key: str) -> list[Data]:
    value = data.get(key)
    return value if isinstance(value, list) else []


# The words of each kind of target: what is missing, what the plan has, and that it has none.
_UNKNOWN = {
    "action": (
        msg('no action "{name}" in {plan}'),
        msg("the actions of this plan are: {known}"),
        msg("this plan has no action yet"),
    ),
    "indicator": (
        msg('no indicator "{name}" in {plan}'),
        msg("the indicators of this plan are: {known}"),
        msg("this plan has no indicator yet"),
    ),
}


def _unknown(kind: str, name: str, known: list[str], source: Source) -> EditRefused:
    missing, listed, none = _UNKNOWN[kind]
    close = did_you_mean(name, known)
    hint: Message
    if close:
        hint = msg('did you mean "{close}"?', close=close)
    elif known:
        hint = listed.fill(known=", ".join(known[:12]) + (", …" if len(known) > 12 else ""))
    else:
        hint = none
    return EditRefused(missing.fill(name=name, plan=source.shown), hint=hint)


def action_targets(document: Document) -> dict[str, Target]:
    """Where each action's progress entries go, by action id (the first action of an id)."""
    found: dict[str, Target] = {}
    for i, action in enumerate(_items(document.data, "actions")):
        if isinstance(action, dict) and isinstance(action.get("id"), str):
            action_id = t.cast(str, action["id"])
            found.setdefault(
                action_id,
                Target(
                    ("actions", i),
                    "progress",
                    tuple(Action.model_fields),
                    msg('the action "{action}"', action=action_id),
                ),
            )
    return found


def action_target(document: Document, source: Source, action_id: str) -> Target:
    targets = action_targets(document)
    if action_id in targets:
        return targets[action_id]
    raise _unknown("action", action_id, list(targets), source)


def indicator_targets(document: Document) -> dict[str, list[Target]]:
    """Where each indicator's measurements go, by indicator id (more than one place when the
    plan uses an id twice, which `vae validate` reports)."""
    found: dict[str, list[Target]] = {}
    for i, action in enumerate(_items(document.data, "actions")):
        if not isinstance(action, dict):
            continue
        for j, indicator in enumerate(_items(action, "indicators")):
            if isinstance(indicator, dict) and isinstance(indicator.get("id"), str):
                indicator_id = t.cast(str, indicator["id"])
                found.setdefault(indicator_id, []).append(
                    Target(
                        ("actions", i, "indicators", j),
                        "measurements",
                        tuple(Indicator.model_fields),
                        msg('the indicator "{indicator}"', indicator=indicator_id),
                    )
                )
    return found


def indicator_target(document: Document, source: Source, indicator_id: str) -> Target:
    targets = indicator_targets(document)
    found = targets.get(indicator_id, [])
    if not found:
        raise _unknown("indicator", indicator_id, list(targets), source)
    if len(found) > 1:
        raise EditRefused(
            msg(
                'the indicator id "{indicator}" is used {count} times in {plan}',
                indicator=indicator_id,
                count=len(found),
                plan=source.shown,
            ),
            hint=msg("give each indicator its own id (`vae validate` shows where), then try again"),
        )
    return found[0]


def membership_target(document: Document, source: Source) -> Target:
    if not isinstance(document.data.get("membership"), dict):
        raise EditRefused(
            msg("{plan} has no `membership:` section", plan=source.shown),
            hint=msg("add `membership:` with its `annual_fee_eur:` first"),
        )
    return Target(
        ("membership",), "payments", tuple(Membership.model_fields), msg("the membership")
    )


# --- Checking the values given ---------------------------------------------------------------


def check_status(status: str) -> str:
    choices = [s.value for s in Status]
    if status in choices:
        return status
    close = did_you_mean(status, choices)
    raise UsageError(
        msg('"{status}" is not a status', status=status),
        hint=msg("did you mean {close}?", close=close)
        if close
        else msg("use one of: {choices}", choices=", ".join(choices)),
    )


def check_amount(value: float | None, option: str, *, negative: bool = False) -> None:
    if value is not None and (not math.isfinite(value) or (value < 0 and not negative)):
        must = (
            msg("{option} must be a finite number")
            if negative
            else msg("{option} must be a finite number of 0 or more")
        )
        raise UsageError(must.fill(option=option))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_date(value: str | None) -> None:
    if value is None:
        return
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            msg('--date "{value}" is not a date written YYYY-MM-DD', value=value),
            hint=msg("e.g. --date 2026-03-30"),
        ) from None


def entry(**fields: str | int | float | None) -> Entry:
    """The entry's fields in the order given, without those left out."""
    return {key: value for key, value in fields.items() if value is not None}


# What `vae record` did, in a sentence: "recorded the 2026 progress entry of the action "x"".
_SUMMARIES = (
    msg("replaced the {year} {key} entry of {what}"),
    msg("recorded the {year} {key} entry of {what}"),
    msg("the {year} {key} entry of {what} already holds these values: nothing to write"),
    msg("{summary} (kept its {kept})"),
)


# --- The edit --------------------------------------------------------------------------------


def record(
    path: Path,
    locate: t.Callable[[Document, Source], Target],
    new_entry: Entry,
    *,
    replace: bool,
    checker: Checker,
) -> Outcome:
    """Work out the edited plan and what it changes; write nothing."""
    source = read_source(path)
    document = parse(source)
    target = locate(document, source)
    spliced = splice_entry(source.text, document, target, new_entry, replace=replace)
    new_entry, kept, change = spliced.entry, spliced.kept, spliced.change
    new_text = apply(source.text, change.edits)
    edited = verify(document, [spliced], new_text)

    # Each text is parsed once: the documents above are the ones checked. The plan as it was
    # is checked only if the edited one has findings to tell old from new (a clean plan, the
    # usual case, is checked once).
    after = checker.check_plan(path, document=edited).result
    before = (
        checker.check_plan(path, document=document).result
        if any(d.severity in (Severity.ERROR, Severity.WARNING) for d in after.diagnostics)
        else FileResult(path=after.path)
    )
    replaced, recorded, unchanged, kept_too = _SUMMARIES
    said = {"year": new_entry["year"], "key": target.key, "what": target.what}
    summary = (replaced if change.replacing else recorded).fill(**said)
    if new_text == source.text:
        summary = unchanged.fill(**said)
    elif kept:
        summary = kept_too.fill(summary=summary, kept=_and(kept))
    return Outcome(
        source=source,
        new_text=new_text,
        summary=summary,
        result=after,
        new_errors=gained(before, after, Severity.ERROR),
        new_warnings=gained(before, after, Severity.WARNING),
    )


@dataclasses.dataclass(frozen=True)
class Spliced:
    """One entry's edits, and what they do to the data."""

    target: Target
    entry: Entry  # as written: the values given, and those of a replaced entry it kept
    kept: list[str]  # the fields of the replaced entry that were kept
    change: Upsert


def splice_entry(
    text: str,
    document: Document,
    target: Target,
    new_entry: Entry,
    *,
    replace: bool,
    context: Context | None = None,
) -> Spliced:
    """The edits that put `new_entry` in `target`'s list of `text` (which `document` parses;
    `context`, when several entries go into the same text, what they share)."""

    def splice(entry: Entry) -> Upsert:
        return upsert(
            text,
            document,
            target.path,
            target.key,
            entry,
            replace=replace,
            key_order=target.key_order,
            what=target.what,
            context=context,
        )

    change = splice(new_entry)
    kept: list[str] = []
    if change.replacing:
        # What the command does not set (a source, a note, spending...) stays as it was.
        new_entry, kept = _merged(_entry_at(document, target, change.index), new_entry)
        if kept:
            change = splice(new_entry)
    return Spliced(target, new_entry, kept, change)


def _entry_at(document: Document, target: Target, index: int) -> dict[str, Data]:
    node: t.Any = document.data
    for part in target.path:
        node = node[part]
    item = node[target.key][index]
    return t.cast(dict[str, Data], item) if isinstance(item, dict) else {}


def _merged(old: dict[str, Data], new: Entry) -> tuple[Entry, list[str]]:
    """The replacing entry: the values given, and the old entry's other fields, in the old
    entry's order (new fields last); with the names of the fields kept."""
    kept = [key for key in old if key not in new]
    for key in kept:
        if isinstance(old[key], dict | list):
            raise EditRefused(
                msg("the entry to replace has a `{key}:` that is not a single value", key=key),
                hint=msg("edit that entry by hand (`vae validate` says what is wrong with it)"),
            )
    merged: dict[str, t.Any] = {key: new.get(key, old[key]) for key in old}
    merged |= {key: value for key, value in new.items() if key not in old}
    return merged, kept


def _and(names: list[str]) -> Message:
    if len(names) == 1:
        return verbatim(names[0])
    return msg("{names} and {last}", names=", ".join(names[:-1]), last=names[-1])


def verify(document: Document, entries: t.Sequence[Spliced], text: str) -> Document:
    """The edited text, parsed: it must hold the old data plus the entries (each in a list of
    its own), and nothing else (a safety net under the splicing, so a bug of ours can never
    write a plan that says something else)."""
    # The old data with the entries put in: only the mappings and lists on the way to each
    # target are copied, each once, the rest is shared (a deep copy of a large plan costs a
    # parse's worth of time and memory).
    expected: dict[str, Data] = dict(document.data)
    copies = {id(expected)}
    for spliced in entries:
        target, index = spliced.target, spliced.change.index
        node: t.Any = expected
        for part in target.path:
            if id(node[part]) not in copies:
                node[part] = copy.copy(node[part])
                copies.add(id(node[part]))
            node = node[part]
        items = node.get(target.key)
        items = list(items) if isinstance(items, list) else []
        if spliced.change.replacing:
            items[index] = dict(spliced.entry)
        else:
            items.insert(index, dict(spliced.entry))
        node[target.key] = items
    edited = compose(text)
    if edited.data != expected:
        what = ", ".join(render(s.target.what, "en") for s in entries[:3])
        raise AssertionError(f"the edit of {what} changed more than its entries")
    return edited


def gained(before: FileResult, after: FileResult, severity: Severity) -> list[Diagnostic]:
    """Findings of `after` that `before` did not have (positions move, so compare the messages:
    templates and values)."""
    seen = collections.Counter(
        (d.rule, d.message.key()) for d in before.diagnostics if d.severity is severity
    )
    gained: list[Diagnostic] = []
    for d in after.sorted():
        if d.severity is not severity:
            continue
        if seen[(d.rule, d.message.key())] > 0:
            seen[(d.rule, d.message.key())] -= 1
        else:
            gained.append(d)
    return gained

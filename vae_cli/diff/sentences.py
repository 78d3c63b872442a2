"""The changes of one plan as sentences under headings, the same for text and Markdown."""

from __future__ import annotations

from vae_cli.diff.changes import (
    Effect,
    IndicatorChange,
    Kind,
    MeasurementChange,
    MoneyChange,
    Plain,
    PlanDiff,
    StatusChange,
)
from vae_cli.diff.words import NONE, Style, amount, changes, euros, quantity, quoted, value
from vae_cli.i18n.messages import InEnglish, Localized, msg
from vae_cli.report.progress import ProgressStatus

# Headings of the sections of a plan outside its actions, in the order of the format.
SECTION_TITLES = {
    "schema_version": msg("Format"),
    "referential": msg("Referential"),
    "city": msg("City"),
    "mandate": msg("Mandate"),
    "contacts": msg("Contacts"),
    "deliberations": msg("Deliberations"),
    "membership": msg("Membership"),
    "commitments": msg("Commitment framings"),
    "actions": msg("Actions"),
    "consultations": msg("Consultations"),
}
OTHER_CHANGES = msg("Other changes")
# The headings of the changes to actions, indicators, coverage and findings.
HEADINGS = {
    "actions": msg("Actions"),
    "status": msg("Status"),
    "money": msg("Money"),
    "notes": msg("Progress notes"),
    "indicators": msg("Indicators"),
    "measurements": msg("Measurements"),
    "coverage": msg("Coverage"),
    "findings": msg("Findings"),
}

# A status in words: the plan's `status:` values, and an indicator's progress.
_STATUS_WORDS: dict[str, Localized] = {
    "planned": msg("planned"),
    "in_progress": msg("in progress"),
    # "done" is the reports' too, where French says it of several actions: this one is one's.
    "done": InEnglish("done", msg("done (the status of one action)")),
    "delayed": msg("delayed"),
    "paused": msg("paused"),
    "abandoned": msg("abandoned"),
    # Open SDG's progress of an indicator (vae_cli.report.progress.ProgressStatus).
    "target_achieved": msg("target achieved"),
    "substantial_progress": msg("substantial progress"),
    "moderate_progress": msg("moderate progress"),
    "limited_progress": msg("limited progress"),
    "deterioration": msg("deterioration"),
    "not_available": msg("not available"),
}
_NO_PROGRESS = msg("no progress entry")
_KINDS = {"commitment": msg("commitment {id}")}


def _words(status: str | None, s: Style) -> str:
    if not status:
        return s.say(_NO_PROGRESS)
    known = _STATUS_WORDS.get(status)
    return known.written_in(s.lang) if known is not None else status.replace("_", " ")


def _progress(before: ProgressStatus | None, after: ProgressStatus | None, s: Style) -> str:
    if before == after:
        return s.say(msg("progress status unchanged ({status})", status=_words(after, s)))
    return s.say(
        msg(
            "progress status: {before} → {after}",
            before=_words(before, s),
            after=_words(after, s),
        )
    )


def _status(sc: StatusChange, s: Style) -> str:
    said = {"action": s.code(sc.action), "year": sc.year}
    if sc.before is None:
        return s.say(
            msg("{action}: {year} entry added, {after}", **said, after=_words(sc.after, s))
        )
    if sc.after is None:
        return s.say(
            msg(
                "{action}: {year} entry removed (was {before})", **said, before=_words(sc.before, s)
            )
        )
    return s.say(
        msg(
            "{action}: {year} now {after} (was {before})",
            **said,
            after=_words(sc.after, s),
            before=_words(sc.before, s),
        )
    )


def _money(m: MoneyChange, s: Style) -> str:
    def eur(v: float) -> str:
        return s.text(euros(v, s.lang))

    def money_or_none(v: float | None) -> str:
        return s.text(amount(v, s.lang))

    parts = []
    if m.budget_before != m.budget_after:
        parts.append(
            s.say(
                msg(
                    "budget {before} → {after}",
                    before=money_or_none(m.budget_before),
                    after=money_or_none(m.budget_after),
                )
            )
        )
    if m.spent_before != m.spent_after:
        delta = m.spent_after - m.spent_before
        sign = "+" if delta > 0 else "−"
        parts.append(
            s.say(
                msg(
                    "spent {before} → {after} ({delta})",
                    before=eur(m.spent_before),
                    after=eur(m.spent_after),
                    delta=sign + eur(abs(delta)),
                )
            )
        )
    elif m.years:
        parts.append(s.say(msg("total spent unchanged ({spent})", spent=eur(m.spent_after))))
    if m.years:
        years = ", ".join(
            f"{y.year} {money_or_none(y.before)} → {money_or_none(y.after)}" for y in m.years
        )
        parts.append(s.say(msg("by year: {years}", years=years)))
    return s.say(msg("{action}: {parts}", action=s.code(m.action), parts=s.separator.join(parts)))


def _note(action: str, year: int, before: str | None, after: str | None, s: Style) -> str:
    said = {"action": s.code(action), "year": year}
    if before is None:
        note = quoted(s.text(after or ""), s.lang)
        return s.say(msg("{action}: {year} note added: {note}", **said, note=note))
    if after is None:
        note = quoted(s.text(before), s.lang)
        return s.say(msg("{action}: {year} note removed (was {note})", **said, note=note))
    return s.say(
        msg(
            "{action}: {year} note {before} → {after}",
            **said,
            before=quoted(s.text(before), s.lang),
            after=quoted(s.text(after), s.lang),
        )
    )


def _in_year(number: float, unit: str, year: object, s: Style) -> str:
    return s.text(s.say(msg("{quantity} in {year}", quantity=quantity(number, unit), year=year)))


def _indicator(c: IndicatorChange, s: Style) -> str:
    def describe(v: Plain, s: Style, field: str) -> str:
        if isinstance(v, dict) and isinstance(v.get("year"), int):
            number = v.get("value")
            if isinstance(number, int | float):
                return _in_year(number, c.unit, v["year"], s)
        return value(v, s, field=field)

    name = f"{s.code(c.indicator)} {quoted(s.text(c.label), s.lang)}"
    action = s.code(c.action)
    if c.kind is Kind.ADDED:
        fields = ", ".join(
            f"{s.code(f.path)} {describe(f.after, s, f.path)}"
            for f in c.changes
            if f.path != "label"
        )
        return s.say(
            msg(
                "added {name} to action {action} ({fields}); progress status {status}",
                name=name,
                action=action,
                fields=fields,
                status=_words(c.status_after, s),
            )
        )
    if c.kind is Kind.REMOVED:
        return s.say(
            msg(
                "removed {name} from action {action} (its progress status was {status})",
                name=name,
                action=action,
                status=_words(c.status_before, s),
            )
        )
    return s.say(
        msg(
            "{name} (action {action}): {changes}; {progress}",
            name=name,
            action=action,
            changes=changes(c.changes, s, describe),
            progress=_progress(c.status_before, c.status_after, s),
        )
    )


def _measurement(m: MeasurementChange, s: Style) -> str:
    what = s.say(
        msg(
            "{indicator} ({label}, action {action})",
            indicator=s.code(m.indicator),
            label=s.text(m.label),
            action=s.code(m.action),
        )
    )

    def q(v: float | None) -> str:
        return s.text(quantity(v, m.unit)) if v is not None else s.say(NONE)

    year = m.year
    if m.kind is Kind.ADDED:
        change = s.say(msg("{year}: {value} measured", year=year, value=q(m.value_after)))
    elif m.kind is Kind.REMOVED:
        change = s.say(
            msg("{year} measurement removed (was {value})", year=year, value=q(m.value_before))
        )
    elif m.value_before != m.value_after:
        change = s.say(
            msg(
                "{year} corrected from {before} to {after}",
                year=year,
                before=q(m.value_before),
                after=q(m.value_after),
            )
        )
    else:
        change = s.say(msg("{year}: {value}", year=year, value=q(m.value_after)))
    if m.kind is Kind.ADDED and m.source_after is not None:
        change += s.say(msg(" (source {source})", source=value(m.source_after, s)))
    elif m.kind is Kind.CHANGED and m.source_before != m.source_after:
        change += s.say(
            msg(
                "; source {before} → {after}",
                before=value(m.source_before, s),
                after=value(m.source_after, s),
            )
        )
    target = _in_year(m.target_value, m.unit, m.target_year, s)
    latest = _in_year(m.latest_before[1], m.unit, m.latest_before[0], s)
    effect = {
        Effect.CLOSER: msg("closer to the target of {target} (latest was {latest})"),
        Effect.FURTHER: msg("further from the target of {target} (latest was {latest})"),
        Effect.SAME: msg("latest value unchanged (target {target})"),
    }[m.effect].fill(target=target, latest=latest)
    return s.say(
        msg(
            "{what}: {change}; {effect}; {progress}",
            what=what,
            change=change,
            effect=s.say(effect),
            progress=_progress(m.status_before, m.status_after, s),
        )
    )


def _ids(ids: list[str], s: Style) -> str:
    return ", ".join(s.code(i) for i in ids)


def _actions(plan: PlanDiff, s: Style) -> list[str]:
    out = []
    for a in plan.actions_added:
        details = [s.say(msg("commitment {id}", id=s.code(a.commitment)))]
        if a.obligations:
            details.append(s.say(msg("obligations {ids}", ids=_ids(a.obligations, s))))
        if a.budget_eur is not None:
            details.append(
                s.say(msg("budget {amount}", amount=s.text(euros(a.budget_eur, s.lang))))
            )
        out.append(
            s.say(
                msg(
                    "added {action} {title} ({details})",
                    action=s.code(a.id),
                    title=quoted(s.text(a.title), s.lang),
                    details=s.separator.join(details),
                )
            )
        )
    out += [
        s.say(
            msg(
                "removed {action} {title}",
                action=s.code(a.id),
                title=quoted(s.text(a.title), s.lang),
            )
        )
        for a in plan.actions_removed
    ]
    for r in plan.rescoped:
        parts = []
        if r.commitment_before != r.commitment_after:
            parts.append(
                s.say(
                    msg(
                        "commitment {before} → {after}",
                        before=s.code(r.commitment_before),
                        after=s.code(r.commitment_after),
                    )
                )
            )
        if r.obligations_added:
            parts.append(s.say(msg("now covers {ids}", ids=_ids(r.obligations_added, s))))
        if r.obligations_removed:
            parts.append(s.say(msg("no longer covers {ids}", ids=_ids(r.obligations_removed, s))))
        out.append(
            s.say(
                msg(
                    "re-scoped {action}: {parts}",
                    action=s.code(r.action),
                    parts=s.separator.join(parts),
                )
            )
        )
    out += [
        s.say(
            msg(
                "edited {action}: {changes}", action=s.code(e.action), changes=changes(e.changes, s)
            )
        )
        for e in plan.edited
    ]
    return out


# What coverage gained or lost says, by kind (French agrees the words with the kind).
_COVERED = {
    ("commitment", True): msg("{name} is now covered, by {actions}"),
    ("obligation", True): msg("obligation {name} is now covered, by {actions}"),
    ("commitment", False): msg("{name} is no longer covered by any action (it was by {actions})"),
    ("obligation", False): msg(
        "obligation {name} is no longer covered by any action (it was by {actions})"
    ),
}


def _coverage(plan: PlanDiff, s: Style) -> list[str]:
    out = []
    for c in plan.coverage:
        name = (
            s.code(c.id) if c.kind == "obligation" else s.say(_KINDS[c.kind].fill(id=s.code(c.id)))
        )
        if c.label:
            name += " " + quoted(s.text(c.label), s.lang)
        template = _COVERED[c.kind, c.covered]
        out.append(s.say(template.fill(name=name, actions=_ids(c.actions, s))))
    return out


_NEW_FINDING = {
    "error": msg("new error at line {line} [{rule}]: {message}"),
    "warning": msg("new warning at line {line} [{rule}]: {message}"),
}
_FIXED_FINDING = {
    "error": msg("fixed error [{rule}]: {message}"),
    "warning": msg("fixed warning [{rule}]: {message}"),
}


def _findings(plan: PlanDiff, s: Style) -> list[str]:
    new = [
        s.say(
            _NEW_FINDING[f.severity].fill(
                line=f.line, rule=s.code(f.rule), message=s.text(f.message)
            )
        )
        for f in plan.new_findings
    ]
    fixed = [
        s.say(_FIXED_FINDING[f.severity].fill(rule=s.code(f.rule), message=s.text(f.message)))
        for f in plan.fixed_findings
    ]
    return new + fixed


def sections(plan: PlanDiff, s: Style) -> list[tuple[str, list[str]]]:
    """The changes of one plan, grouped under headings, each one sentence, in `s.lang`."""
    out: dict[str, list[str]] = {"actions": _actions(plan, s)}
    out["status"] = [_status(sc, s) for sc in plan.statuses]
    out["money"] = [_money(m, s) for m in plan.money]
    out["notes"] = [_note(n.action, n.year, n.before, n.after, s) for n in plan.notes]
    out["indicators"] = [_indicator(c, s) for c in plan.indicators]
    out["measurements"] = [_measurement(m, s) for m in plan.measurements]
    out["coverage"] = _coverage(plan, s)
    titles = {key: s.say(title) for key, title in HEADINGS.items()}
    for f in plan.sections:
        top = f.path.split(".", 1)[0].split("[", 1)[0]
        title = s.say(SECTION_TITLES.get(top, OTHER_CHANGES))
        key = next((k for k, v in titles.items() if v == title), title)
        titles.setdefault(key, title)
        out.setdefault(key, []).append(changes([f], s))
    out["findings"] = _findings(plan, s)
    return [(titles[key], items) for key, items in out.items() if items]

"""`vae init`: a new plan laid out from a referential, or the next mandate's plan from the last.

The plan is built as data with French comments (see texts.py) and written by emit.py. What only
the city can say is left as `À REMPLIR`, which the `to-fill` rule reports: `vae validate` on a new
plan lists exactly what remains to be filled in.
"""

from __future__ import annotations

import dataclasses
import os
import re
import typing as t
from pathlib import Path

from vae_cli.check import Checker, Unresolved
from vae_cli.editing import texts
from vae_cli.editing.emit import Commented, Section, emit, plain
from vae_cli.editing.errors import EditRefused
from vae_cli.errors import UsageError
from vae_cli.files import write_atomic
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import render
from vae_cli.models.plan import Plan, Status
from vae_cli.models.referential import Referential
from vae_cli.plan_format import FIRST_YEAR, LAST_YEAR, PLAN_SUFFIXES
from vae_cli.reading.yaml_document import Data, compose, read_text
from vae_cli.referentials import builtin_referentials
from vae_cli.resources import data_dir
from vae_cli.rules.placeholders import MARKER
from vae_cli.schema_export import SCHEMAS, schema_text

_MANDATE = re.compile(r"(\d{4})-(\d{4})")
_INSEE = re.compile(r"(\d{5}|2[AB]\d{3})")


@dataclasses.dataclass(kw_only=True)
class NewPlan:
    path: Path
    text: str
    summary: list[str]  # what was done, one line each, for the user
    warnings: list[str] = dataclasses.field(default_factory=list)  # ids that no longer exist...
    schema: SchemaLink | None = None  # the `$schema` line's target, and a copy to write


def to_fill(what: str) -> str:
    return f"{MARKER} : {what}"


# --- Options ---------------------------------------------------------------------------------


def parse_mandate(text: str) -> tuple[int, int]:
    match = _MANDATE.fullmatch(text.strip())
    if not match:
        raise UsageError(
            f'--mandate "{text}" is not two years written START-END', hint="e.g. 2026-2032"
        )
    start, end = int(match[1]), int(match[2])
    if not FIRST_YEAR <= start <= LAST_YEAR or not FIRST_YEAR <= end <= LAST_YEAR:
        raise UsageError(
            f'--mandate "{text}": years go from {FIRST_YEAR} to {LAST_YEAR}',
            hint="e.g. 2026-2032",
        )
    if not start < end:
        raise UsageError(
            f'--mandate "{text}": in START-END, the first year comes before the last',
            hint="e.g. 2026-2032",
        )
    return start, end


def department_of(insee: str) -> str:
    """The department number an INSEE code starts with (3 digits overseas, 2A/2B in Corsica)."""
    return insee[:3] if insee.startswith("97") else insee[:2]


def check_insee(insee: str) -> str:
    insee = insee.strip().upper()
    if not _INSEE.fullmatch(insee):
        raise UsageError(
            f'--insee "{insee}" is not an INSEE code',
            hint="5 characters, e.g. 21231 for Dijon (2A004 in Corsica); see insee.fr",
        )
    return insee


def load_referential(
    name: str, checker: Checker, *, plan: Path, named_by: Path | None = None
) -> tuple[str, Referential]:
    """(the value to write in `referential:` of the new `plan`, the referential) for a built-in
    id or a file, found as `vae validate` finds it.

    `named_by` is the old plan whose `referential:` gives `name` (a file is then found from
    its folder); without it, `name` comes from --referential (a file is found from the current
    folder). A file is written relative to the folder of the new `plan`, where `vae validate`
    looks for it.
    """
    found = checker.find_referential(name, plan=named_by)
    where = "--referential" if named_by is None else display_path(named_by)
    if isinstance(found, Unresolved):
        raise UsageError(
            f"{where}: {render(found.message, checker.lang)}",
            hint=render(found.hint, checker.lang),
        )
    shown = found.result.path
    if found.model is None:
        raise UsageError(
            f"{shown} is not a valid referential", hint=f"run `vae validate {shown}` to see why"
        )
    if not name.endswith(PLAN_SUFFIXES):
        return name, found.model  # an id
    folder = Path() if named_by is None else named_by.parent
    return _relative_to(folder / name, plan), found.model


def _relative_to(file: Path, plan: Path) -> str:
    """`file` as the new plan must name it: relative to the plan's folder, with forward slashes
    (a plan is shared between machines); absolute if no relative path leads there (Windows
    drives)."""
    folder = Path(os.path.abspath(plan.parent))
    try:
        return os.path.relpath(os.path.abspath(file), folder).replace(os.sep, "/")
    except ValueError:
        return Path(os.path.abspath(file)).as_posix()


DEFAULT_REFERENTIAL = "unicef-france-vae-2020-2026"


def referential_for_mandate(mandate: tuple[int, int] | None, checker: Checker) -> str | None:
    """The built-in referential written for exactly these years, if one is shipped."""
    if mandate is None:
        return None
    for name, path in builtin_referentials().items():
        model = checker.load_referential(path).model
        if model is not None and (model.mandate.start, model.mandate.end) == mandate:
            return name
    return None


SCHEMA_NAME = "plan.schema.json"


@dataclasses.dataclass(frozen=True)
class SchemaLink:
    """Where the new plan's first line points editors at the JSON Schema, and what to do so the
    link works for everyone who clones the city's repository."""

    target: str  # what follows `$schema=`
    copy_to: Path | None = None  # the schema is to be written there (it does not exist yet)
    note: str | None = None  # said to the user once the plan is written


def repository_of(folder: Path) -> Path | None:
    """The nearest folder from `folder` up that holds a `.git` (a folder, or a file in a
    worktree or submodule): the top of the repository the plan will be committed to."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def schema_link(plan: Path) -> SchemaLink:
    """Relative to the plan, a link that works on every clone: `<repo>/schemas/plan.schema.json`,
    copied there when the repository has none. Outside a repository there is nothing to commit
    it to, and the link goes to the schema installed on this machine."""
    folder = Path(os.path.abspath(plan)).parent.resolve()
    repository = repository_of(folder)
    if repository is None:
        installed = (data_dir("schemas") / SCHEMA_NAME).resolve()
        return SchemaLink(
            installed.as_uri(),
            note="the plan is in no git repository: its `$schema` line points at this "
            "machine's copy of vae (run `vae schema` into your repository and edit that line "
            "to share it)",
        )
    schema = repository / "schemas" / SCHEMA_NAME
    target = os.path.relpath(schema, folder).replace(os.sep, "/")
    if not os.path.lexists(schema):
        return SchemaLink(
            target,
            copy_to=schema,
            note=f"copied the JSON Schema to {display_path(schema)} (commit it with the plan: "
            "editors check the plan against it)",
        )
    if not _holds(schema, _schema_text()):
        return SchemaLink(
            target,
            note=f"{display_path(schema)} is not the schema of this vae version and was left "
            f"as it is; `vae schema -o {display_path(schema.parent)}` updates it",
        )
    return SchemaLink(target)


def _holds(path: Path, text: str) -> bool:
    try:
        return path.is_file() and path.read_bytes() == text.encode()
    except OSError:
        return False


def _schema_text() -> str:
    return schema_text(Plan, SCHEMAS[SCHEMA_NAME][1])


# --- Sections common to both ways of starting a plan -----------------------------------------


def _commitment_framings(referential: Referential, carried: list[Data]) -> list[t.Any]:
    by_id = {c.get("id"): c for c in carried if isinstance(c, dict)}
    framings: list[t.Any] = []
    for commitment in referential.commitments:
        before = (f"Engagement {commitment.number} — {commitment.label.fr}",)
        if commitment.id in by_id:
            framings.append(Commented(by_id.pop(commitment.id), before))
        else:
            summary = to_fill("comment la ville comprend cet engagement, en quelques phrases")
            framings.append(Commented({"id": commitment.id, "summary": summary}, before))
    # Framings of commitments the referential no longer has: kept, for the city to decide.
    framings.extend(by_id.values())
    return framings


def _placeholder_action(referential: Referential, commitment_id: str, start: int) -> t.Any:
    commitment = next(c for c in referential.commitments if c.id == commitment_id)
    recommendations = [r.id for r in referential.recommendations if r.commitment == commitment_id]
    before = [
        f"Engagement {commitment.number} — {commitment.label.fr} : une première action, à "
        "compléter, à dupliquer (une fiche par action) ou à remplacer.",
    ]
    if recommendations:
        before.append("Recommandations de cet engagement : " + ", ".join(recommendations) + ".")
    return Commented(
        {
            "id": f"{commitment_id}-action-1",
            "title": to_fill("titre court de l'action"),
            "description": to_fill("ce que fait l'action, et pour qui"),
            "commitment": commitment_id,
            "obligations": Commented([], after="ids des obligations que l'action couvre"),
            "recommendations": [],
            "lead": to_fill("direction ou service pilote"),
            "start": Commented(start, after="année de début"),
            "progress": [],
            "indicators": Commented([], texts.INDICATOR_EXAMPLE),
        },
        tuple(before),
    )


def _obligation_placeholder(
    referential: Referential, obligation_id: str, commitment_id: str, start: int
) -> t.Any:
    obligation = next(o for o in referential.obligations if o.id == obligation_id)
    action = _placeholder_action(referential, commitment_id, start)
    fields = dict(action.value)
    fields["id"] = f"{obligation_id}-action-1"
    fields["title"] = to_fill(f"une action pour l'obligation « {obligation.label.fr} »")
    fields["obligations"] = [obligation_id]
    return Commented(
        fields,
        (
            f"Obligation {obligation.number} — {obligation.label.fr} : plus aucune action ne la "
            "couvre dans ce mandat (celle du mandat précédent est terminée). À compléter.",
        ),
    )


def _sections(
    *,
    referential_value: str,
    referential: Referential,
    city: t.Any,
    mandate: tuple[int, int],
    contacts: t.Any,
    fee: t.Any,
    framings: list[t.Any],
    actions: list[t.Any],
) -> list[Section]:
    start, end = mandate
    # Only an edition opened during the mandate counts for its consultation (the rule's test).
    editions = [
        e.id
        for e in (referential.consultation.editions if referential.consultation else [])
        if start <= e.year <= end
    ]
    return [
        Section("schema_version", 1, texts.SCHEMA_VERSION),
        Section("referential", referential_value, texts.REFERENTIAL),
        Section("city", city, texts.CITY),
        Section("mandate", {"start": start, "end": end}, texts.MANDATE),
        Section("contacts", contacts, texts.CONTACTS),
        Section("deliberations", [], texts.DELIBERATIONS),
        Section("membership", {"annual_fee_eur": fee, "payments": []}, texts.MEMBERSHIP),
        Section("commitments", framings, texts.COMMITMENTS),
        Section("actions", actions, texts.actions_comments(referential)),
        Section("consultations", [], texts.consultations_comments(editions)),
    ]


def _header(
    schema: SchemaLink, city: str, mandate: tuple[int, int], referential: Referential, origin: str
) -> list[str]:
    """The first lines: the schema, then what the plan is, each thing said once (the mandate is
    left out of the title when the referential's name already gives it)."""
    years = f"{mandate[0]}-{mandate[1]}"
    title = f"Plan d'action de {city}" + (
        "" if years in referential.name.fr else f", mandat {years}"
    )
    return [
        f"yaml-language-server: $schema={schema.target}",
        "",
        f"{title}.",
        f"Référentiel : {referential.name.fr}.",
        origin,
        "",
        *texts.HOW_TO,
    ]


# --- vae init --------------------------------------------------------------------------------


def new_plan(
    path: Path,
    *,
    city: str,
    insee: str,
    referential_name: str | None,
    mandate: tuple[int, int] | None,
    checker: Checker,
) -> NewPlan:
    _refuse_existing(path)
    name = referential_name or referential_for_mandate(mandate, checker) or DEFAULT_REFERENTIAL
    value, referential = load_referential(name, checker, plan=path)
    start, end = mandate or (referential.mandate.start, referential.mandate.end)
    insee = check_insee(insee)
    if not city.strip():
        raise UsageError("--city is empty", hint='e.g. --city "Dijon"')
    actions = [_placeholder_action(referential, c.id, start) for c in referential.commitments]
    sections = _sections(
        referential_value=value,
        referential=referential,
        city={"name": city.strip(), "insee_code": insee, "department": department_of(insee)},
        mandate=(start, end),
        contacts={
            "elected_referent": {"name": to_fill("nom de l'élu·e référent·e")},
            "services_referent": {"name": to_fill("nom du ou de la référent·e technique")},
        },
        fee=Commented(0, after=f"{MARKER} : cotisation annuelle votée par le conseil, en euros"),
        framings=_commitment_framings(referential, []),
        actions=actions,
    )
    schema = schema_link(path)
    header = _header(
        schema,
        city.strip(),
        (start, end),
        referential,
        f"Créé par `vae init` à partir du référentiel {referential.id}.",
    )
    return NewPlan(
        path=path,
        text=emit(header, sections),
        schema=schema,
        summary=[
            f"{len(referential.commitments)} commitments, {len(referential.obligations)} "
            f"obligations, {len(actions)} actions to fill in",
        ],
    )


def _refuse_existing(path: Path) -> None:
    if os.path.lexists(path):  # a link too, even one that leads nowhere
        raise EditRefused(
            f"{display_path(path)} already exists; vae init never overwrites a file",
            hint="choose another name, or delete the file first",
        )


def write(plan: NewPlan) -> None:
    """Write the schema's copy if one is due (before the plan, whose first line points at it),
    then the plan; neither ever replaces an existing file."""
    if plan.schema is not None and plan.schema.copy_to is not None:
        copy = plan.schema.copy_to
        try:
            write_atomic(copy, _schema_text(), overwrite=False)
        except FileExistsError:
            pass  # written meanwhile: it is the repository's, and stays as it is
        except OSError as e:
            raise UsageError(
                f"cannot write {display_path(copy)}: {e.strerror or e}",
                hint="nothing else was written",
            ) from None
    try:
        write_atomic(plan.path, plan.text, overwrite=False)
    except FileExistsError:
        _refuse_existing(plan.path)
        raise
    except OSError as e:
        raise UsageError(f"cannot write {display_path(plan.path)}: {e.strerror or e}") from None


# --- vae init --from -------------------------------------------------------------------------


def next_mandate(
    path: Path,
    *,
    previous: Path,
    mandate: tuple[int, int],
    referential_name: str | None,
    checker: Checker,
) -> NewPlan:
    _refuse_existing(path)
    old_check = checker.check_plan(previous)
    old = old_check.plan
    if old is None:
        raise EditRefused(
            f"{display_path(previous)} cannot be read as a plan ({old_check.result.errors} errors)",
            hint=f"fix it first: `vae validate {display_path(previous)}` shows where",
        )
    start, end = mandate
    if start <= old.mandate.start:
        raise UsageError(
            f"--mandate {start}-{end} does not come after the mandate of {display_path(previous)} "
            f"({old.mandate.start}-{old.mandate.end})",
            hint=f"the new mandate starts after {old.mandate.start}, "
            f"e.g. --mandate {old.mandate.end}-{2 * old.mandate.end - old.mandate.start}",
        )
    data = compose(read_text(previous)).data  # the values exactly as the city wrote them
    if referential_name:
        value, referential = load_referential(referential_name, checker, plan=path)
    elif not old.referential.endswith(PLAN_SUFFIXES) and (
        builtin := referential_for_mandate(mandate, checker)
    ):
        value, referential = load_referential(builtin, checker, plan=path)
    else:
        # A referential file is the network's own: kept, found from the old plan's folder (as
        # validate finds it) and named from the new plan's.
        value, referential = load_referential(
            old.referential, checker, plan=path, named_by=previous
        )
    commitment_ids = {c.id for c in referential.commitments}
    obligation_ids = {o.id for o in referential.obligations}
    recommendation_ids = {r.id for r in referential.recommendations}
    warnings: list[str] = []
    shown = display_path(previous)

    carried: list[t.Any] = []
    left: list[str] = []
    raw_actions = t.cast(list[dict[str, Data]], data.get("actions") or [])
    for action, raw in zip(old.actions, raw_actions, strict=True):
        last = max(action.progress, key=lambda p: p.year, default=None)
        if last is not None and last.status in (Status.DONE, Status.ABANDONED):
            left.append(f"{action.id} ({last.status.value} in {last.year})")
            continue
        warnings.extend(
            _missing_ids(action.id, action, commitment_ids, obligation_ids, recommendation_ids)
        )
        state = (
            f"dernier état connu, en {last.year} : {texts.STATUS_FR[last.status]}"
            if last
            else "aucun avancement enregistré"
        )
        carried.append(
            Commented(
                _carry_action(raw, start, end),
                (
                    f"Reprise de {previous.name} (mandat {old.mandate.start}-{old.mandate.end}) ; "
                    f"{state}.",
                ),
            )
        )
    kept = len(carried)
    served = {t.cast(dict[str, t.Any], a.value)["commitment"] for a in carried}
    for commitment in referential.commitments:
        if commitment.id not in served:
            carried.append(_placeholder_action(referential, commitment.id, start))
    # An obligation only a finished action covered (often the consultation, run once a mandate)
    # needs a new action: laid out to fill in, under the commitment that action served.
    covered = {
        o for a in carried for o in t.cast(dict[str, t.Any], plain(a)).get("obligations") or []
    }
    for obligation in referential.obligations:
        if obligation.id in covered:
            continue
        before = next((a.commitment for a in old.actions if obligation.id in a.obligations), None)
        commitment_id = before if before in commitment_ids else referential.commitments[0].id
        carried.append(_obligation_placeholder(referential, obligation.id, commitment_id, start))
    old_framings = t.cast(list[Data], data.get("commitments") or [])
    for framing in old.commitments:
        if framing.id not in commitment_ids:
            warnings.append(
                f'commitment framing "{framing.id}": not a commitment of {referential.id}'
            )

    fee = old.membership.annual_fee_eur
    sections = _sections(
        referential_value=value,
        referential=referential,
        city=data["city"],
        mandate=(start, end),
        contacts=data["contacts"],
        fee=Commented(
            t.cast(dict[str, Data], data["membership"])["annual_fee_eur"],
            after=f"{MARKER} : cotisation {start}-{end} ({fee:g} € par an jusqu'ici)",
        ),
        framings=_commitment_framings(referential, old_framings),
        actions=carried,
    )
    schema = schema_link(path)
    header = _header(
        schema,
        old.city.name,
        (start, end),
        referential,
        f"Créé par `vae init --from {shown}` : les actions en cours y sont reprises.",
    )
    summary = [f"carried over {kept} actions still running from {shown}"]
    if left:
        summary.append(f"left behind {len(left)} done or abandoned: {', '.join(left)}")
    return NewPlan(
        path=path,
        text=emit(header, sections),
        summary=summary,
        warnings=warnings,
        schema=schema,
    )


def _missing_ids(
    action_id: str,
    action: t.Any,
    commitments: set[str],
    obligations: set[str],
    recommendations: set[str],
) -> list[str]:
    found: list[str] = []
    if action.commitment not in commitments:
        found.append(f'action "{action_id}": commitment "{action.commitment}" no longer exists')
    found.extend(
        f'action "{action_id}": obligation "{o}" no longer exists'
        for o in action.obligations
        if o not in obligations
    )
    found.extend(
        f'action "{action_id}": recommendation "{r}" no longer exists'
        for r in action.recommendations
        if r not in recommendations
    )
    return found


def _carry_action(raw: dict[str, Data], start: int, end: int) -> dict[str, t.Any]:
    """An action for the next mandate: same sheet, no past progress, indicators rebased."""
    action: dict[str, t.Any] = {}
    for key, value in raw.items():
        if key == "progress":
            action[key] = []
        elif key == "indicators" and isinstance(value, list):
            action[key] = [_rebase(t.cast(dict[str, Data], i), start, end) for i in value]
        elif key == "end" and isinstance(value, int) and value < start:
            action[key] = Commented(
                value,
                after=f"{MARKER} : échéance passée ; nouvelle année de fin, ou supprimez "
                "la ligne pour une action continue",
            )
        elif key == "budget_eur" and value is not None:
            action[key] = Commented(value, after="budget du mandat précédent : à revoir")
        else:
            action[key] = value
    return action


def _rebase(indicator: dict[str, Data], start: int, end: int) -> dict[str, t.Any]:
    """The last measurement becomes the baseline; a target already past is to be set again."""
    out: dict[str, t.Any] = dict(indicator)
    measurements = t.cast(list[dict[str, t.Any]], indicator.get("measurements") or [])
    baseline = t.cast(dict[str, t.Any], indicator.get("baseline"))
    if measurements:
        last = max(measurements, key=lambda m: m["year"])
        baseline = {"year": last["year"], "value": last["value"]}
        out["baseline"] = Commented(baseline, after="dernière mesure du mandat précédent")
    target = t.cast(dict[str, t.Any], indicator.get("target"))
    # A target the new baseline already meets says nothing for the new mandate either.
    up = indicator.get("direction") != "decrease"
    met = target["value"] <= baseline["value"] if up else target["value"] >= baseline["value"]
    if met or not (baseline["year"] < target["year"] and start < target["year"] <= end):
        why = f" ; déjà atteinte : {baseline['value']:g} en {baseline['year']}" if met else ""
        out["target"] = Commented(
            {"year": end, "value": target["value"]},
            after=f"{MARKER} : nouvelle cible ({target['value']:g} visé en {target['year']}{why})",
        )
    if "measurements" in out:
        out["measurements"] = []
    return out

"""Synthetic networks of plans for the tests and `make bench` of `vae network` (issue 13).

`generate(folder, plans=300, seed=1)` writes a network as UNICEF France would gather it: one
folder per département, one plan per city, of varied sizes, mandates, statuses and follow-up,
and a share of them broken the ways real files break. Every plan is derived from the Dijon
sample (its actions, indicators and texts, with the city's own name, years and figures drawn
again), written in the sample's layout (tools/plan_text.py). What was planted is returned as
a `Manifest` and written beside the plans as `manifest.json`, so that a test can compare what
`vae network` counts with what is there.

The same seed gives the same bytes.

    python -m tools.network_gen OUT --plans 300 --seed 1 [--size dijon|mixed] [--year 2026]
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import enum
import functools
import json
import random
import re
import statistics
import sys
import typing as t
from pathlib import Path

from tools.big_plans import DIJON
from tools.network_cities import Commune, communes
from tools.plan_text import write
from vae_cli.editing.emit import Commented, Section
from vae_cli.reading.yaml_document import compose
from vae_cli.referentials import builtin_referentials

MANIFEST = "manifest.json"
REFERENTIAL_2020 = "unicef-france-vae-2020-2026"
REFERENTIAL_2026 = "unicef-france-vae-2026-2032-provisoire"
OBLIGATIONS = ("vision-partagee", "formation", "plan-action", "suivi", "communication")
COMMITMENTS = ("bien-etre", "equite", "parcours-educatif", "participation", "partenariat")
# The first year of the 2026-2032 mandate: networks of that year or later have such plans.
RENEWAL_FROM = 2026
# Every network of at least this many plans has each kind of breakage and each planted gap once.
EVERY_KIND_FROM = 20

Answer = bool | float | str


class Breakage(enum.StrEnum):
    """How a plan is broken, as real files are; each is found by one rule of `vae validate`."""

    YAML_SYNTAX = "yaml-syntax"  # a quote left open
    TABS = "tabs"  # a line indented with a tab
    LATIN_1 = "latin-1"  # saved as Windows-1252 by an old editor
    WRONG_TYPE = "wrong-type"  # a budget written the French way, 180 000,50
    UNKNOWN_OBLIGATION = "unknown-obligation"  # `formations` for `formation`
    DEPARTMENT = "department"  # the postcode's département, not the INSEE code's
    ANSWER_TYPE = "answer-type"  # « oui, en partie » to a yes/no question

    @property
    def rule(self) -> str:
        return _RULES[self]

    @property
    def readable(self) -> bool:
        """Whether the file can be read as YAML at all (else only its path is known)."""
        return self not in {Breakage.YAML_SYNTAX, Breakage.TABS, Breakage.LATIN_1}


_RULES = {
    Breakage.YAML_SYNTAX: "yaml-syntax",
    Breakage.TABS: "yaml-syntax",
    Breakage.LATIN_1: "encoding",
    Breakage.WRONG_TYPE: "wrong-type",
    Breakage.UNKNOWN_OBLIGATION: "known-reference",
    Breakage.DEPARTMENT: "department-matches-insee",
    Breakage.ANSWER_TYPE: "answer-type",
}


def breakage_kinds() -> list[Breakage]:
    """The breakages a network gets: a wrong answer only once the referential asks a yes/no
    question."""
    asks = any(q.get("kind") == "yes_no" for q in _questions(REFERENTIAL_2020))
    return [b for b in Breakage if asks or b is not Breakage.ANSWER_TYPE]


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlannedPlan:
    """One plan of the network, as the generator wrote it."""

    path: str  # from the network's folder, with `/`
    city: str
    insee: str
    department: str
    referential: str
    mandate: tuple[int, int]
    actions: int
    state: str  # "valid", "errors" or "unreadable", as `vae_cli.network.data.PlanState`
    breakage: str | None = None  # a `Breakage`
    rule: str | None = None  # the rule `vae validate` must report, for a broken plan
    # For a valid plan, the year's facts as a careful reader would count them by hand.
    obligations_missing: tuple[str, ...] = ()  # not covered by a live action in the year
    year_recorded: bool = True  # every action running in the year has its entry
    paid: bool = True  # the membership payment of the year is recorded
    answers: dict[str, Answer] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Manifest:
    """What was planted in a generated network."""

    seed: int
    size: str
    year: int
    plans: tuple[PlannedPlan, ...]

    @property
    def valid(self) -> tuple[PlannedPlan, ...]:
        return tuple(p for p in self.plans if p.state == "valid")

    @property
    def with_errors(self) -> tuple[str, ...]:
        """Plans read but with errors."""
        return tuple(p.path for p in self.plans if p.state == "errors")

    @property
    def unreadable(self) -> tuple[str, ...]:
        return tuple(p.path for p in self.plans if p.state == "unreadable")

    def missing(self, referential: str) -> dict[str, tuple[str, ...]]:
        """Per obligation of the referential, the valid plans' cities that do not cover it."""
        out: dict[str, list[str]] = {}
        for plan in self.valid:
            if plan.referential == referential:
                for obligation in plan.obligations_missing:
                    out.setdefault(obligation, []).append(plan.city)
        return {k: tuple(sorted(v)) for k, v in sorted(out.items())}

    def departments(self, *, valid_only: bool = False) -> dict[str, int]:
        """Plans per département: every plan (the generator knows each one's, even where the
        file is unreadable or names another), or the valid ones only."""
        counts: dict[str, int] = {}
        for plan in self.valid if valid_only else self.plans:
            counts[plan.department] = counts.get(plan.department, 0) + 1
        return dict(sorted(counts.items()))

    def answers(self) -> dict[str, dict[str, int]]:
        """Per question, the valid plans' answers counted by value (`yes`, `no`, an option's
        id, or for numbers `answered`), and `unanswered`: as `network.data.AnswerCount`."""
        questions = sorted({q for p in self.plans for q in p.answers} | set(self.questions))
        out: dict[str, dict[str, int]] = {}
        for question in questions:
            counts: dict[str, int] = {}
            for plan in self.valid:
                if plan.referential not in self.questions.get(question, ()):
                    continue
                value = plan.answers.get(question)
                key = _answer_key(value)
                counts[key] = counts.get(key, 0) + 1
            out[question] = dict(sorted(counts.items()))
        return out

    @functools.cached_property
    def questions(self) -> dict[str, tuple[str, ...]]:
        """Each question's id, with the referentials that ask it."""
        out: dict[str, list[str]] = {}
        for referential in (REFERENTIAL_2020, REFERENTIAL_2026):
            for question in _questions(referential):
                out.setdefault(str(question["id"]), []).append(referential)
        return {k: tuple(v) for k, v in out.items()}

    def numbers(self, question: str) -> list[float]:
        """The valid plans' answers to a number question."""
        return sorted(
            float(v)
            for p in self.valid
            if not isinstance(v := p.answers.get(question), bool | str | type(None))
        )

    def to_json(self) -> dict[str, t.Any]:
        summary = {
            "plans": len(self.plans),
            "valid": len(self.valid),
            "with_errors": list(self.with_errors),
            "unreadable": list(self.unreadable),
            "year_recorded": sum(p.year_recorded for p in self.valid),
            "paid": sum(p.paid for p in self.valid),
            "departments": self.departments(),
            "departments_valid": self.departments(valid_only=True),
            "missing_obligations": {
                r: self.missing(r) for r in (REFERENTIAL_2020, REFERENTIAL_2026)
            },
            "answers": self.answers(),
            "numbers": {q: _spread(self.numbers(q)) for q in self.questions if self.numbers(q)},
        }
        return {
            "seed": self.seed,
            "size": self.size,
            "year": self.year,
            "summary": summary,
            "plans": [dataclasses.asdict(p) for p in self.plans],
        }

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        plans = tuple(
            PlannedPlan(
                **{
                    **p,
                    "mandate": tuple(p["mandate"]),
                    "obligations_missing": tuple(p["obligations_missing"]),
                }
            )
            for p in data["plans"]
        )
        return cls(seed=data["seed"], size=data["size"], year=data["year"], plans=plans)


def _answer_key(value: Answer | None) -> str:
    if value is None:
        return "unanswered"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    return "answered"


def _spread(values: list[float]) -> dict[str, float]:
    return {"min": values[0], "median": statistics.median(values), "max": values[-1]}


# --------------------------------------------------------------------------------------------
# What the plans are made from


@functools.cache
def _dijon() -> dict[str, t.Any]:
    data = compose(DIJON.read_text(encoding="utf-8")).data
    assert isinstance(data, dict)
    return data


@functools.cache
def _questions(referential: str) -> tuple[dict[str, t.Any], ...]:
    """The referential's network questions (`questions:`), as plain data; none if it has none."""
    path = builtin_referentials()[referential]
    data = compose(path.read_text(encoding="utf-8")).data
    assert isinstance(data, dict)
    questions = data.get("questions") or []
    assert isinstance(questions, list)
    return tuple(t.cast(dict[str, t.Any], q) for q in questions)


_SURNAMES = (
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "Fournier",
    "Girard",
    "Bonnet",
    "Mercier",
    "Lambert",
)

_NOTES = (
    "Rythme tenu malgré un recrutement difficile.",
    "Action présentée au conseil municipal des enfants.",
    "Report d'une partie des dépenses sur l'année suivante.",
    "Nouveau partenariat signé avec une association du quartier.",
    "Bilan partagé avec le comité local UNICEF.",
)


def _localized(value: t.Any, city: str) -> t.Any:
    """Dijon's texts told of another city."""
    if isinstance(value, str):
        value = value.replace("de la Côte-d'Or", "du département")
        return value.replace("Dijon", city).replace("la Côte-d'Or", "le département")
    if isinstance(value, list):
        return [_localized(v, city) for v in value]
    if isinstance(value, dict):
        return {k: _localized(v, city) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------------------------
# One plan


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Spec:
    commune: Commune
    referential: str
    actions: int
    breakage: Breakage | None
    drop_obligation: str | None  # planted: the obligation's only action abandoned
    missing_year: bool  # planted: running actions without the year's entry
    unpaid: bool  # planted: no payment for the year
    answered: float  # share of the referential's questions the city answers


def _slug(name: str) -> str:
    import unicodedata

    # œ and æ are letters of their own, which NFKD does not take apart (Vandœuvre, Schœlcher).
    spelled = name.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    ascii_name = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _pick_actions(count: int, rng: random.Random) -> list[dict[str, t.Any]]:
    """`count` of Dijon's actions: every commitment served, in the sample's order; beyond the
    sample's number, copies with their ids made unique (as tools/big_plans.py does)."""
    pool = _dijon()["actions"]
    if count >= len(pool):
        picked = [pool[i % len(pool)] for i in range(count)]
        copies = [i // len(pool) for i in range(count)]
    else:
        first = [rng.choice([a for a in pool if a["commitment"] == c]) for c in COMMITMENTS]
        others = [a for a in pool if a not in first]
        chosen = first + rng.sample(others, max(0, count - len(first)))
        picked = [a for a in pool if a in chosen]
        copies = [0] * len(picked)
    out = []
    for action, n in zip(picked, copies, strict=True):
        action = copy.deepcopy(action)
        if n:
            action["id"] = f"{action['id']}-{n + 1}"
            for indicator in action.get("indicators", []):
                indicator["id"] = f"{indicator['id']}-{n + 1}"
        out.append(action)
    return out


def _round(value: float, integer: bool) -> float | int:
    return round(value) if integer else round(value, 1)


def _progress(
    action: dict[str, t.Any], start: int, year: int, fate: str, end_year: int, rng: random.Random
) -> list[dict[str, t.Any]]:
    """The yearly entries of an action from its start to `year`: `fate` says how it ends
    (`running`, `done` or `abandoned` in `end_year`)."""
    budget = action.get("budget_eur")
    notes = [p.get("note") for p in action.get("progress", [])]
    years = range(start, (end_year if fate != "running" else year) + 1)
    entries: list[dict[str, t.Any]] = []
    for i, y in enumerate(years):
        if fate != "running" and y == end_year:
            status = fate
        elif i == 0 and rng.random() < 0.3:
            status = "planned"
        else:
            status = rng.choices(("in_progress", "delayed", "paused"), (0.82, 0.12, 0.06))[0]
        entry: dict[str, t.Any] = {"year": y, "status": status}
        if budget:
            # At most budget / 7 a year: never over budget over the mandate's seven years.
            share = budget / 7 * rng.uniform(0.4, 1.0)
            entry["spent_eur"] = int(share // 100 * 100)
        note = notes[i] if i < len(notes) and notes[i] else None
        if note is None and rng.random() < 0.15:
            note = rng.choice(_NOTES)
        if note:
            entry["note"] = note
        entries.append(entry)
    return entries


def _measurements(
    indicator: dict[str, t.Any], years: t.Iterable[int], rng: random.Random
) -> list[dict[str, t.Any]]:
    base, target = indicator["baseline"], indicator["target"]
    integer = all(isinstance(v["value"], int) for v in (base, target))
    span = max(1, target["year"] - base["year"])
    source = next((m["source"] for m in indicator.get("measurements", []) if m.get("source")), None)
    pace = rng.uniform(0.6, 1.05)  # how far along its path the city goes, each year alike
    out = []
    for y in years:
        if y <= base["year"]:
            continue
        done = min(1.0, (y - base["year"]) / span) * pace * rng.uniform(0.97, 1.03)
        value = base["value"] + (target["value"] - base["value"]) * done
        if indicator.get("unit") == "%":
            value = min(100.0, value)
        if base["value"] >= 0 and target["value"] >= 0:
            value = max(0.0, value)  # a count or a rate overshooting its target stays >= 0
        entry: dict[str, t.Any] = {"year": y, "value": _round(value, integer)}
        if source:
            entry["source"] = source
        out.append(entry)
    return out


def _actions(
    spec: _Spec, mandate: tuple[int, int], year: int, rng: random.Random
) -> list[dict[str, t.Any]]:
    """The plan's actions, with the gaps `spec` plants."""
    actions = [_localized(a, spec.commune.name) for a in _pick_actions(spec.actions, rng)]
    factor = rng.choice((0.1, 0.25, 0.5, 1.0, 1.0, 2.0))  # the city's size, in its budgets
    fates: list[tuple[str, int]] = []
    first_year = mandate[0]
    for action in actions:
        if mandate[0] == 2026:
            start = year
        else:
            start = min(year, max(first_year, int(action["start"]) + rng.choice((0, 0, 0, 1, 2))))
        action["start"] = start
        action.pop("end", None)
        if action.get("budget_eur"):
            action["budget_eur"] = max(1000, int(action["budget_eur"] * factor // 1000 * 1000))
        roll = rng.random()
        if start < year and roll < 0.18:
            fates.append(("done", rng.randrange(start + 1, year + 1)))
        elif start < year and roll < 0.21:
            fates.append(("abandoned", rng.randrange(start + 1, year + 1)))
        else:
            fates.append(("running", year))
    # An abandoned action must not leave its commitment without a live one: that is a planted
    # gap's job only.
    for i, action in enumerate(actions):
        if fates[i][0] == "abandoned" and not any(
            fates[j][0] != "abandoned" and a["commitment"] == action["commitment"]
            for j, a in enumerate(actions)
            if j != i
        ):
            fates[i] = ("running", year)
    drop = spec.drop_obligation
    if drop is not None:
        holders = [i for i, a in enumerate(actions) if drop in a["obligations"]] or [0]
        keep = rng.choice(holders)
        for i, action in enumerate(actions):
            if i != keep and drop in action["obligations"]:
                action["obligations"] = [o for o in action["obligations"] if o != drop]
        if drop not in actions[keep]["obligations"]:
            actions[keep]["obligations"].append(drop)
        start = int(actions[keep]["start"])
        if start >= year:
            start = actions[keep]["start"] = year - 1
        fates[keep] = ("abandoned", rng.randrange(start + 1, year + 1))
        # The commitment it served keeps a live action (a second gap would be a warning more).
        if not any(
            fates[j][0] != "abandoned" and a["commitment"] == actions[keep]["commitment"]
            for j, a in enumerate(actions)
        ):
            actions.append(_spare(actions[keep], drop, spec.commune.name, year, rng))
            fates.append(("running", year))
    live = [i for i, f in enumerate(fates) if f[0] != "abandoned"]
    obligations = [*OBLIGATIONS, "consultation"]
    for obligation in obligations:
        if obligation == drop:
            continue
        if not any(obligation in actions[i]["obligations"] for i in live):
            actions[rng.choice(live)]["obligations"].append(obligation)
    entries: dict[str, list[dict[str, t.Any]]] = {}
    for action, (fate, end_year) in zip(actions, fates, strict=True):
        entries[action["id"]] = _progress(action, action["start"], year, fate, end_year, rng)
    # Planted: the year's entries left out for some of the actions that run in it.
    running = [a["id"] for a, f in zip(actions, fates, strict=True) if f[0] == "running"]
    unrecorded = (
        set(rng.sample(running, rng.randint(1, max(1, len(running) // 3))))
        if spec.missing_year and running
        else set()
    )
    for action, (fate, end_year) in zip(actions, fates, strict=True):
        progress = entries[action["id"]]
        if action["id"] in unrecorded:
            progress = [p for p in progress if p["year"] != year]
        action["progress"] = progress
        if fate != "running":
            action["end"] = end_year
        recorded_years = [p["year"] for p in progress]
        for indicator in action.get("indicators", []):
            if mandate[0] == 2026:
                indicator["baseline"] = {"year": 2025, "value": indicator["baseline"]["value"]}
                indicator["target"] = {"year": 2032, "value": indicator["target"]["value"]}
            indicator["measurements"] = _measurements(indicator, recorded_years, rng)
    return actions


def _spare(
    model: dict[str, t.Any], drop: str, city: str, year: int, rng: random.Random
) -> dict[str, t.Any]:
    """Another live action for `model`'s commitment (a city that stopped one action goes on
    with another)."""
    pool = [a for a in _dijon()["actions"] if a["commitment"] == model["commitment"]]
    spare: dict[str, t.Any] = _localized(copy.deepcopy(rng.choice(pool)), city)
    spare["id"] = f"{spare['id']}-relance"
    for indicator in spare.get("indicators", []):
        indicator["id"] = f"{indicator['id']}-relance"
    # It covers none of the planted gap's obligation, nor the consultation.
    spare["obligations"] = [o for o in spare["obligations"] if o not in {"consultation", drop}]
    spare["obligations"] = spare["obligations"] or [next(o for o in OBLIGATIONS if o != drop)]
    spare["start"] = min(year, int(model["start"]) + 1)
    spare.pop("end", None)
    return spare


def _truth(
    actions: list[dict[str, t.Any]], year: int, *, consultation_held: bool
) -> tuple[tuple[str, ...], bool]:
    """The obligations no live action covers in `year`, and whether every action running in
    `year` has its entry: counted from the data, as a reader of the plan would. The
    consultation obligation also needs a consultation held during the mandate by `year`, which
    a 2026-2032 plan cannot have had yet (no edition of that mandate is known)."""
    covered: set[str] = set()
    recorded = True
    for action in actions:
        entries = sorted(
            (p for p in action["progress"] if p["year"] <= year), key=lambda p: p["year"]
        )
        if action["start"] > year:
            continue
        latest = entries[-1]["status"] if entries else None
        if latest != "abandoned":
            covered.update(action["obligations"])
        before = [p for p in entries if p["year"] < year]
        closed = bool(before) and before[-1]["status"] in {"done", "abandoned"}
        if not closed and not any(p["year"] == year for p in entries):
            recorded = False
    if not consultation_held:
        covered.discard("consultation")
    missing = tuple(o for o in (*OBLIGATIONS, "consultation") if o not in covered)
    return missing, recorded


def _answers(spec: _Spec, rng: random.Random) -> tuple[dict[str, Answer], dict[str, t.Any]]:
    """The city's answers to its referential's questions, some left unanswered: what they
    mean, and how the city wrote them (`oui`, `4,50 €`... as the format allows)."""
    out: dict[str, Answer] = {}
    written: dict[str, t.Any] = {}
    for question in _questions(spec.referential):
        if rng.random() > spec.answered:
            continue
        qid, kind = str(question["id"]), question.get("kind")
        if kind == "yes_no":
            # Shares near the end-of-mandate figures: 74 % quotient familial, 26 of 299 free.
            free = "gratuit" in qid or "free" in qid
            out[qid] = rng.random() < (26 / 299 if free else 0.74)
        elif kind == "number":
            # A school meal's highest price, in euros (Avignon's: 2.95), within the bounds.
            low = max(1.5, float(question.get("minimum", 1.5)))
            high = min(6.5, float(question.get("maximum", 6.5)))
            out[qid] = round(rng.uniform(low, max(low, high)), 2)
        elif kind == "choice":
            options = [str(o["id"] if isinstance(o, dict) else o) for o in question["options"]]
            out[qid] = rng.choice(options)
        else:
            continue
        value = out[qid]
        if isinstance(value, bool):
            written[qid] = rng.choice((value, "oui" if value else "non", "Oui" if value else "Non"))
        elif isinstance(value, float):
            french = f"{value:.2f}".replace(".", ",")
            written[qid] = rng.choice((value, french, f"{french} €"))
        else:
            written[qid] = value
    return out, written


def _tree(spec: _Spec, year: int, rng: random.Random) -> tuple[list[Section], PlannedPlan]:
    dijon = _dijon()
    commune = spec.commune
    city = commune.name
    mandate = (2026, 2032) if spec.referential == REFERENTIAL_2026 else (2020, 2026)
    actions = _actions(spec, mandate, year, rng)
    fee = rng.choice((100, 200, 200, 200, 300, 500))
    since = mandate[0] + (1 if mandate[0] == 2020 and rng.random() < 0.2 else 0)
    payments = [
        {
            "year": y,
            "amount_eur": fee,
            "date": f"{y}-{rng.randint(2, 11):02d}-{rng.randint(1, 28):02d}",
        }
        for y in range(since, year + 1)
        if not (spec.unpaid and y == year)
    ]
    membership: dict[str, t.Any] = {"annual_fee_eur": fee, "payments": payments}
    if since != mandate[0]:
        membership = {"since": since, **membership}
    who = f"{rng.choice(('Mme', 'M.'))} {rng.choice(_SURNAMES)}"
    sections = [
        Section("schema_version", 1),
        Section("referential", spec.referential),
        Section(
            "city",
            {"name": city, "insee_code": commune.insee, "department": commune.department},
            ("Codes entre guillemets, pour garder un éventuel zéro en tête.",),
        ),
        Section("mandate", {"start": mandate[0], "end": mandate[1]}),
        Section(
            "contacts",
            {
                "elected_referent": {"name": who, "role": "Adjoint·e à l'enfance (illustratif)"},
                "services_referent": {
                    "name": "Coordination Ville amie des enfants",
                    "role": "Chargé·e de mission enfance-jeunesse (illustratif)",
                },
            },
        ),
        Section(
            "deliberations",
            [
                {
                    "year": since,
                    "title": f"« Ville amie des enfants {mandate[0]}-{mandate[1]} » – candidature"
                    f" de la Ville de {city} auprès de UNICEF France",
                    "decisions": [
                        f"Adhérer à l'UNICEF sur la période {mandate[0]}-{mandate[1]}, pour un coût"
                        f" annuel de {fee} euros."
                    ],
                }
            ],
        ),
        Section("membership", membership, ("ILLUSTRATIF : dates de paiement inventées.",)),
        Section("commitments", _localized(dijon["commitments"], city)),
        Section(
            "actions",
            [
                Commented(a, (f"--- Fiche {i + 1} (ILLUSTRATIF) ---",))
                for i, a in enumerate(actions)
            ],
        ),
    ]
    if mandate[0] == 2020:
        opened = [e for e in ("2020-2021", "2023-2024", "2025-2026") if int(e[:4]) <= year]
        editions = rng.sample(opened, rng.randint(1, len(opened)))
        consultations = []
        for edition in sorted(editions):
            respondents = rng.randint(120, 1500)
            consultations.append(
                {
                    "edition": edition,
                    "respondents": respondents,
                    "local_extract": respondents >= 200,
                    "illustrative": True,
                }
            )
        sections.append(Section("consultations", consultations))
    # Every edition picked opened during 2020-2026 and by the year.
    missing, recorded = _truth(actions, year, consultation_held=mandate[0] == 2020)
    answers, written = _answers(spec, rng)
    if written:
        sections.append(Section("answers", written))
    plan = PlannedPlan(
        path=f"{commune.department}/{_slug(city)}-{mandate[0]}.yaml",
        city=city,
        insee=commune.insee,
        department=commune.department,
        referential=spec.referential,
        mandate=mandate,
        actions=len(actions),
        state="valid",
        obligations_missing=missing,
        year_recorded=recorded,
        paid=not spec.unpaid,
        answers=answers,
    )
    return sections, plan


def _header(seed: int) -> list[str]:
    return [
        "Plan généré par tools/network_gen.py pour les tests et les mesures de `vae network`",
        f"(réseau synthétique, graine {seed}). Tout y est ILLUSTRATIF : dérivé du plan exemple",
        "de Dijon, il ne décrit la politique d'aucune ville réelle.",
    ]


# --------------------------------------------------------------------------------------------
# Breaking a plan


def _break(text: str, breakage: Breakage, commune: Commune) -> bytes:
    """The plan's text broken as `breakage` says, as the bytes a city would have saved."""
    if breakage is Breakage.LATIN_1:
        return text.encode("cp1252", errors="replace")
    if breakage is Breakage.YAML_SYNTAX:
        # A title's closing quote forgotten, the commonest slip in a hand-edited file.
        broken = re.sub(r'\n(    title: )"?([^">\n][^"\n]*)"?\n', r'\n\1"\2\n', text, count=1)
    elif breakage is Breakage.TABS:
        broken = text.replace("\n  name: ", "\n\tname: ", 1)
    elif breakage is Breakage.WRONG_TYPE:
        broken = re.sub(r"(\n    budget_eur: )\d+\n", r"\g<1>180 000,50\n", text, count=1)
    elif breakage is Breakage.UNKNOWN_OBLIGATION:
        broken = text.replace("\n    obligations: [", "\n    obligations: [formations, ", 1)
    elif breakage is Breakage.ANSWER_TYPE:
        question = next(q["id"] for q in _questions(REFERENTIAL_2020) if q.get("kind") == "yes_no")
        broken = re.sub(
            rf"\n  {question}: [^\n]*\n", f'\n  {question}: "oui, en partie"\n', text, count=1
        )
    else:
        wrong = "27" if commune.department != "27" else "76"
        broken = re.sub(r"\n(  department: )\S+\n", rf'\n\g<1>"{wrong}"\n', text, count=1)
    if broken == text:
        raise AssertionError(f"{breakage}: nothing to break in the plan of {commune.name}")
    return broken.encode("utf-8")


# --------------------------------------------------------------------------------------------
# The network


def _sizes(size: str, count: int, rng: random.Random) -> list[int]:
    """Actions per plan: Dijon's number, or a mix from a few to hundreds."""
    dijon = len(_dijon()["actions"])
    if size == "dijon":
        return [dijon] * count
    if size != "mixed":
        raise ValueError(f"size is dijon or mixed, not {size!r}")
    out = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.2:
            out.append(rng.randint(5, 9))
        elif roll < 0.8:
            out.append(rng.randint(10, 40))
        elif roll < 0.96:
            out.append(rng.randint(41, 120))
        else:
            out.append(rng.randint(121, 400))
    return out


def _flags(count: int, share: float, rng: random.Random, *, at_least: int) -> list[bool]:
    chosen = (
        max(at_least, round(share * count)) if count >= EVERY_KIND_FROM else round(share * count)
    )
    picked = set(rng.sample(range(count), min(count, chosen)))
    return [i in picked for i in range(count)]


def generate(
    folder: Path,
    plans: int = 300,
    *,
    seed: int = 1,
    size: str = "mixed",
    year: int = 2026,
    broken: float = 0.12,
    renewed: float = 0.1,
    answers: bool = True,
) -> Manifest:
    """Write a network of `plans` plans under `folder` and its `manifest.json`.

    `size`: "dijon" (every plan has the sample's 23 actions, for the bench) or "mixed".
    `broken`: the share of plans broken (each `Breakage` in turn); `renewed`: the share of
    cities already on a 2026-2032 plan (none for a `year` before 2026). `answers=False`
    leaves the network questions unanswered. The same arguments give the same bytes.
    """
    rng = random.Random(seed)
    # Dijon, Corsica's two and two overseas départements come first, so even a small network
    # has them.
    places = communes(plans, rng, first=("21231", "2A004", "2B033", "97120", "97411"))
    sizes = _sizes(size, plans, rng)
    kinds = breakage_kinds()
    n_broken = (
        max(len(kinds), round(broken * plans))
        if plans >= EVERY_KIND_FROM
        else round(broken * plans)
    )
    order = list(range(plans))
    rng.shuffle(order)
    breakages: dict[int, Breakage] = {
        i: kinds[n % len(kinds)] for n, i in enumerate(order[:n_broken])
    }
    # A 2026-2032 plan has no follow-up before 2026: a network of an earlier year has none
    # (their entries of that year would be outside their mandate).
    renewal = _flags(plans, renewed, rng, at_least=2) if year >= RENEWAL_FROM else [False] * plans
    # A gap is planted in a valid 2020-2026 plan (a 2026-2032 one has had no year to abandon).
    eligible = [i for i in range(plans) if i not in breakages and not renewal[i]]
    n_gaps = round(0.08 * plans)
    if plans >= EVERY_KIND_FROM:
        n_gaps = max(len(OBLIGATIONS), n_gaps)
    gaps = set(rng.sample(eligible, min(len(eligible), n_gaps)))
    late = _flags(plans, 0.15, rng, at_least=2)
    unpaid = _flags(plans, 0.1, rng, at_least=2)
    out: list[PlannedPlan] = []
    n_gap = 0
    for i, commune in enumerate(places):
        plan_rng = random.Random(f"{seed}-{i}")
        wrong_answer = breakages.get(i) is Breakage.ANSWER_TYPE  # a question of 2020-2026's
        referential = REFERENTIAL_2026 if renewal[i] and not wrong_answer else REFERENTIAL_2020
        drop = None
        if i in gaps:
            drop = OBLIGATIONS[n_gap % len(OBLIGATIONS)]
            n_gap += 1
        spec = _Spec(
            commune=commune,
            referential=referential,
            actions=sizes[i],
            breakage=breakages.get(i),
            drop_obligation=drop,
            missing_year=late[i],
            unpaid=unpaid[i],
            answered=1.0 if wrong_answer else 0.9 if answers else 0.0,
        )
        sections, planned = _tree(spec, year, plan_rng)
        text = write(_header(seed), sections)
        data = text.encode("utf-8")
        if spec.breakage is not None:
            data = _break(text, spec.breakage, commune)
            planned = dataclasses.replace(
                planned,
                state="errors" if spec.breakage.readable else "unreadable",
                breakage=str(spec.breakage),
                rule=spec.breakage.rule,
            )
        target = folder / planned.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        out.append(planned)
    manifest = Manifest(seed=seed, size=size, year=year, plans=tuple(out))
    (folder / MANIFEST).write_text(
        json.dumps(manifest.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.network_gen", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--plans", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", choices=("dijon", "mixed"), default="mixed")
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--broken", type=float, default=0.12, help="share of plans broken")
    parser.add_argument("--no-answers", action="store_true", help="leave the questions unanswered")
    args = parser.parse_args(argv)
    manifest = generate(
        args.folder,
        args.plans,
        seed=args.seed,
        size=args.size,
        year=args.year,
        broken=args.broken,
        answers=not args.no_answers,
    )
    summary = manifest.to_json()["summary"]
    print(
        f"{args.folder}: {summary['plans']} plans, {summary['valid']} valid,"
        f" {len(summary['with_errors'])} with errors, {len(summary['unreadable'])} unreadable"
        f" ({MANIFEST} says what was planted)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

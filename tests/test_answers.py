"""A plan's answers to its referential's questions: each finding located, in French, and what
a French office writes (`oui`, `Non`, `4,50 €`) read as meant."""

from __future__ import annotations

import json
import typing as t
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import AS_OF, ROOT, locate, run_vae
from vae_cli.check import Checker
from vae_cli.network.answers import answers_of
from vae_cli.reading.yaml_document import compose

DIJON = ROOT / "plans" / "dijon-2020.yaml"
BUILTIN = ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml"
WritePlan = t.Callable[..., Path]
# The answers of the small town, as the test plan writes them (its last lines).
ANSWERS = (
    "answers:\n"
    "  tarification-quotient-familial: true\n"
    "  gratuite-grande-pauvrete: false\n"
    "  prix-maximum-repas: 3.2\n"
)


def french(path: Path, *extra: str) -> list[tuple[int, int, str, str, str | None, str | None]]:
    """(line, column, severity, rule, message, hint) of each finding, in French."""
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF, "--lang", "fr", *extra)
    return [
        (
            d["line"],
            d["column"],
            d["severity"],
            d["rule"],
            _spaces(d["message"]),
            _spaces(d["hint"]),
        )
        for d in run.json()["diagnostics"]
    ]


def _spaces(text: str | None) -> str | None:
    """French typography's no-break spaces (« », before ?) as plain ones, to compare."""
    return text.replace("\u00a0", " ").replace("\u202f", " ") if text else text


def answered(small_town: str, answers: str) -> str:
    assert small_town.endswith(ANSWERS)
    return small_town[: -len(ANSWERS)] + answers


def test_the_small_town_answers_every_question(small_town: str, write_plan: WritePlan) -> None:
    assert french(write_plan(small_town)) == []


@pytest.mark.parametrize("yes", ["oui", "Oui", "OUI", "true", "True", '"vrai"', "yes"])
@pytest.mark.parametrize("no", ["non", "Non", "NON", "false", "False", "no"])
@pytest.mark.parametrize("price", ["4,50", "4.50", "4,50 €", "4,50€", "4", "4,5 EUR", '"4.50"'])
def test_what_a_french_office_writes_is_read_as_meant(
    small_town: str, write_plan: WritePlan, yes: str, no: str, price: str
) -> None:
    text = answered(
        small_town,
        f"answers:\n  tarification-quotient-familial: {yes}\n"
        f"  gratuite-grande-pauvrete: {no}\n  prix-maximum-repas: {price}\n",
    )
    path = write_plan(text)
    assert french(path) == []
    checked = Checker(as_of=2026).check_plan(path)
    assert checked.plan is not None and checked.referential is not None
    assert answers_of(checked.plan, checked.referential) == (
        ("tarification-quotient-familial", True),
        ("gratuite-grande-pauvrete", False),
        ("prix-maximum-repas", 4.0 if price == "4" else 4.5),
    )


# (the answer written, the part the finding points at, message, hint), all in French
WRONG: list[tuple[str, str, str, str, str]] = [
    (
        "  gratuite-grande-pauvrete: false\n",
        "  gratuite-grande-pauvrete: peut-être\n",
        "peut-être",
        "La réponse à « gratuite-grande-pauvrete » est oui ou non, trouvé « peut-être »",
        "écrivez oui ou non",
    ),
    (
        "  gratuite-grande-pauvrete: false\n",
        "  gratuite-grande-pauvrete: 0\n",
        "0",
        "La réponse à « gratuite-grande-pauvrete » est oui ou non, trouvé « 0 »",
        "écrivez oui ou non",
    ),
    (
        "  prix-maximum-repas: 3.2\n",
        "  prix-maximum-repas: quatre euros\n",
        "quatre euros",
        "La réponse à « prix-maximum-repas » est un nombre, trouvé « quatre euros »",
        "écrivez un nombre, par exemple 4,50",
    ),
    (
        "  prix-maximum-repas: 3.2\n",
        "  prix-maximum-repas: true\n",
        "true",
        "La réponse à « prix-maximum-repas » est un nombre, trouvé « true »",
        "écrivez un nombre, par exemple 4,50",
    ),
    (  # twelve in France, twelve hundred elsewhere: not guessed
        "  prix-maximum-repas: 3.2\n",
        "  prix-maximum-repas: 1,200\n",
        "1,200",
        "La réponse à « prix-maximum-repas » est un nombre, trouvé « 1,200 »",
        "écrivez un nombre, par exemple 4,50",
    ),
    (
        "  prix-maximum-repas: 3.2\n",
        "  prix-maximum-repas: 320\n",
        "320",
        "La réponse à « prix-maximum-repas » est 320, hors de ce qu'elle admet",
        "écrivez un nombre entre 0 et 100",
    ),
    (
        "  prix-maximum-repas: 3.2\n",
        "  prix-maximum-repas: -2,5\n",
        "-2,5",
        "La réponse à « prix-maximum-repas » est -2,5, hors de ce qu'elle admet",
        "écrivez un nombre entre 0 et 100",
    ),
]


@pytest.mark.parametrize(("old", "new", "pointed", "message", "hint"), WRONG)
def test_an_answer_of_the_wrong_kind_is_an_error_at_its_value(
    small_town: str,
    write_plan: WritePlan,
    old: str,
    new: str,
    pointed: str,
    message: str,
    hint: str,
) -> None:
    text = small_town.replace(old, new)
    line, column = locate(text, new.rstrip("\n"))
    column += new.index(pointed)
    assert french(write_plan(text)) == [(line, column, "error", "answer-type", message, hint)]


def test_an_answer_to_no_question_is_an_error_with_the_id_meant(
    small_town: str, write_plan: WritePlan
) -> None:
    text = small_town.replace(
        "  tarification-quotient-familial: true\n", "  tarification-quotien-familial: true\n"
    )
    line, column = locate(text, "tarification-quotien-familial")
    assert french(write_plan(text)) == [
        # the question meant is left unanswered (reported at `answers:`, above)...
        (
            *locate(text, "answers:"),
            "warning",
            "answer-given",
            "La question « tarification-quotient-familial » de unicef-france-vae-2020-2026 n'a "
            "pas de réponse (Tarification dégressive de la restauration scolaire selon le "
            "quotient familial ?)",
            "ajoutez sous `answers:` la ligne `tarification-quotient-familial: oui` (ou `non`)",
        ),
        # ... and the answer given is to no question
        (
            line,
            column,
            "error",
            "answer-known-question",
            "« tarification-quotien-familial » n'est pas une question de "
            "unicef-france-vae-2020-2026",
            "vouliez-vous dire « tarification-quotient-familial » ?",
        ),
    ]


def test_an_unanswered_question_is_a_warning_with_the_line_to_add(
    small_town: str, write_plan: WritePlan
) -> None:
    text = small_town.replace("  prix-maximum-repas: 3.2\n", "")
    assert french(write_plan(text)) == [
        (
            *locate(text, "answers:"),
            "warning",
            "answer-given",
            "La question « prix-maximum-repas » de unicef-france-vae-2020-2026 n'a pas de "
            "réponse (Prix maximal d'un repas de restauration scolaire, pour une famille)",
            "ajoutez sous `answers:` la ligne `prix-maximum-repas: 4,50`, avec le chiffre de la "
            "ville en €",
        )
    ]
    # In English, the number is written the English way.
    run = run_vae("validate", write_plan(text), "--format", "json", "--as-of", AS_OF)
    assert [d["hint"] for d in run.json()["diagnostics"]] == [
        "add under `answers:` the line `prix-maximum-repas: 4.50`, with the city's figure in €"
    ]
    # A warning: the plan still validates, unless warnings fail the run.
    assert run.exit_code == 0
    assert run_vae("validate", write_plan(text), "--as-of", AS_OF, "--strict").exit_code == 1


def test_a_plan_without_answers_gets_one_warning_per_question(
    small_town: str, write_plan: WritePlan
) -> None:
    found = french(write_plan(answered(small_town, "")))
    assert [(severity, rule) for _, _, severity, rule, _, _ in found] == [
        ("warning", "answer-given")
    ] * 3
    assert {(line, column) for line, column, *_ in found} == {(3, 1)}  # the plan's first key


def test_a_value_left_to_fill_is_reported_once_by_to_fill(
    small_town: str, write_plan: WritePlan
) -> None:
    text = small_town.replace(
        "  prix-maximum-repas: 3.2\n", '  prix-maximum-repas: "À REMPLIR : un nombre, en €"\n'
    )
    assert [rule for _, _, _, rule, _, _ in french(write_plan(text))] == ["to-fill"]


CHOICE = """
  - id: mode-de-gestion
    kind: choice
    label:
      fr: "Mode de gestion de la restauration scolaire"
      en: "How school catering is run"
    options:
      - id: regie
        label: {fr: "En régie", en: "Run by the city"}
      - id: delegation
        label: {fr: "Délégation de service public", en: "Contracted out"}
"""


def _with_choice(tmp_path: Path, small_town: str, answer: str) -> Path:
    (tmp_path / "network.yaml").write_text(
        BUILTIN.read_text(encoding="utf-8") + CHOICE, encoding="utf-8"
    )
    text = small_town.replace(
        "referential: unicef-france-vae-2020-2026", "referential: network.yaml"
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text + f"  mode-de-gestion: {answer}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("answer", ["regie", "En régie", "en regie", "Régie"])
def test_a_choice_is_answered_by_the_option_id_or_its_label(
    tmp_path: Path, small_town: str, answer: str
) -> None:
    path = _with_choice(tmp_path, small_town, answer)
    assert french(path) == []
    checked = Checker(as_of=2026).check_plan(path)
    assert checked.plan is not None and checked.referential is not None
    assert dict(answers_of(checked.plan, checked.referential))["mode-de-gestion"] == "regie"


def test_an_answer_that_is_no_option_lists_the_options(tmp_path: Path, small_town: str) -> None:
    path = _with_choice(tmp_path, small_town, "cuisine centrale")
    text = path.read_text(encoding="utf-8")
    assert french(path) == [
        (
            *locate(text, "cuisine centrale"),
            "error",
            "answer-type",
            "La réponse à « mode-de-gestion » est l'une de ses options, trouvé « cuisine "
            "centrale »",
            "écrivez l'une de ces réponses : regie, delegation",
        )
    ]


def test_dijon_answers_every_question_and_validates_clean() -> None:
    run = run_vae("validate", DIJON, "--format", "json", "--as-of", AS_OF)
    assert run.json()["diagnostics"] == []
    checked = Checker(as_of=2026).check_plan(DIJON)
    assert checked.plan is not None and checked.referential is not None
    assert answers_of(checked.plan, checked.referential) == (
        ("tarification-quotient-familial", True),
        ("gratuite-grande-pauvrete", False),
        ("prix-maximum-repas", 4.5),
    )
    # Illustrative: its deliberation says nothing of school meals, and the file says so.
    text = DIJON.read_text(encoding="utf-8")
    assert "ILLUSTRATIF" in text[text.rindex("# Réponses aux questions") :]


def test_the_referential_marks_its_questions_as_the_projects_own_choice() -> None:
    loaded = Checker(as_of=2026).load_referential(BUILTIN)
    assert loaded.model is not None
    questions = loaded.model.questions
    assert [(q.id, q.kind, q.unit) for q in questions] == [
        ("tarification-quotient-familial", "yes_no", None),
        ("gratuite-grande-pauvrete", "yes_no", None),
        ("prix-maximum-repas", "number", "€"),
    ]
    for question in questions:
        assert question.note is not None and "propre au projet vae" in question.note.fr
        assert question.source is not None and "villeamiedesenfants.fr" in (
            question.source.url or ""
        )


def test_the_schema_accepts_the_answers_and_refuses_a_list() -> None:
    schema = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    data = compose(DIJON.read_text(encoding="utf-8")).data
    assert isinstance(data, dict)
    jsonschema.validate(data, schema)
    for answers in (
        {"tarification-quotient-familial": True, "prix-maximum-repas": 4.5},
        {"tarification-quotient-familial": "oui", "prix-maximum-repas": "4,50 €"},
    ):
        jsonschema.validate({**data, "answers": answers}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "answers": {"prix-maximum-repas": [4.5]}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "answers": {"Prix Maximum": 4.5}}, schema)


@pytest.mark.parametrize(("written", "found"), [("[3, 4]", "une liste"), ("", "rien")])
def test_a_list_or_nothing_as_an_answer_is_one_located_shape_error(
    small_town: str, write_plan: WritePlan, written: str, found: str
) -> None:
    text = small_town.replace("  prix-maximum-repas: 3.2\n", f"  prix-maximum-repas: {written}\n")
    line, column = locate(text, "  prix-maximum-repas:")
    assert french(write_plan(text)) == [
        (
            line,
            column + len("  prix-maximum-repas: ") - (0 if written else 1),
            "error",
            "wrong-type",
            f"`prix-maximum-repas` doit être une seule réponse : oui ou non, un nombre ou un mot, "
            f"pas {found}",
            "écrivez la réponse sur la même ligne : oui, non, un nombre comme 4,50, ou une option",
        )
    ]


def test_vae_init_writes_an_answer_to_fill_per_question(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    run = run_vae("init", path, "--city", "Villebourg", "--insee", "01053", "--mandate",
                  "2020-2026")  # fmt: skip
    assert run.exit_code == 0, run
    text = path.read_text(encoding="utf-8")
    assert text.endswith(
        "answers:\n"
        "  # Tarification dégressive de la restauration scolaire selon le quotient familial ?\n"
        '  tarification-quotient-familial: "À REMPLIR : oui ou non"\n'
        "  # Gratuité de la restauration scolaire pour les enfants en situation de grande "
        "pauvreté ?\n"
        '  gratuite-grande-pauvrete: "À REMPLIR : oui ou non"\n'
        "  # Prix maximal d'un repas de restauration scolaire, pour une famille\n"
        '  prix-maximum-repas: "À REMPLIR : un nombre, en €"\n'
    )
    found = french(path)
    at_answers = [f for f in found if f[0] > locate(text, "answers:")[0]]
    assert [rule for _, _, _, rule, _, _ in at_answers] == ["to-fill"] * 3


# (old text of the referential, new text, the part of the new text pointed at, message, hint)
REFERENTIAL_CASES = [
    (
        "    kind: yes_no\n",
        "    kind: choice\n",
        "choice",
        "La question à choix « tarification-quotient-familial » n'a pas d'options",
        "listez ses réponses sous `options:`, chacune avec un `id` et un `label`",
    ),
    (
        "    kind: yes_no\n",
        "    kind: yes_no\n    options:\n      - {id: oui, label: {fr: Oui, en: Yes}}\n",
        "- {id: oui",
        "La question « tarification-quotient-familial » n'est pas une question à choix mais "
        "liste des options",
        "écrivez `kind: choice`, ou retirez `options:`",
    ),
    (
        "    kind: yes_no\n",
        '    kind: yes_no\n    unit: "€"\n',
        '"€"',
        "La question « tarification-quotient-familial » n'est pas chiffrée mais a un `unit`",
        "écrivez `kind: number`, ou retirez `unit:`",
    ),
    (
        "    maximum: 100\n",
        "    maximum: -1\n",
        "-1",
        "La question « prix-maximum-repas » admet au plus -1, moins que son minimum 0",
        "intervertissez `minimum` et `maximum`",
    ),
    (
        "  - id: gratuite-grande-pauvrete\n",
        "  - id: tarification-quotient-familial\n",
        "tarification-quotient-familial\n",
        "L'id de question « tarification-quotient-familial » est utilisé deux fois",
        "donnez à chacun son propre identifiant",
    ),
]


@pytest.mark.parametrize(("old", "new", "pointed", "message", "hint"), REFERENTIAL_CASES)
def test_a_referential_s_questions_are_checked_where_they_are_written(
    tmp_path: Path, old: str, new: str, pointed: str, message: str, hint: str
) -> None:
    source = BUILTIN.read_text(encoding="utf-8")
    questions = source.index("questions:\n")
    at = source.index(old, questions)
    text = source[:at] + new + source[at + len(old) :]
    path = tmp_path / "network.yaml"
    path.write_text(text, encoding="utf-8")
    line, column = locate(text[at:], pointed)
    line += text[:at].count("\n")
    found = french(path)
    assert [f[:3] for f in found] == [(line, column, "error")]
    assert found[0][3:] == ("referential-questions", message, hint)


def test_an_option_listed_twice_is_reported(tmp_path: Path) -> None:
    text = BUILTIN.read_text(encoding="utf-8") + CHOICE.replace("id: delegation", "id: regie")
    path = tmp_path / "network.yaml"
    path.write_text(text, encoding="utf-8")
    assert french(path) == [
        (
            *locate(text, "regie", 2),
            "error",
            "referential-questions",
            "L'id d'option « regie » est utilisé deux fois",
            "donnez à chacun son propre identifiant",
        )
    ]


def test_the_next_mandate_carries_the_answers_over_to_check(tmp_path: Path) -> None:
    """A referential of the next mandate asking the same questions: the previous answers are
    kept, each marked to check (a new council may change its prices)."""
    (tmp_path / ".git").mkdir()
    source = BUILTIN.read_text(encoding="utf-8")
    source = source.replace("id: unicef-france-vae-2020-2026", "id: reseau-2026-2032", 1)
    source = source.replace(
        "mandate:\n  start: 2020\n  end: 2026", "mandate:\n  start: 2026\n  end: 2032"
    )
    (tmp_path / "reseau.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "dijon-2020.yaml").write_bytes(DIJON.read_bytes())
    path = tmp_path / "dijon-2026.yaml"
    run = run_vae("init", path, "--from", tmp_path / "dijon-2020.yaml", "--mandate", "2026-2032",
                  "--referential", tmp_path / "reseau.yaml")  # fmt: skip
    assert run.exit_code == 0, run
    text = path.read_text(encoding="utf-8")
    assert text.endswith(
        "  tarification-quotient-familial: oui  # À REMPLIR : réponse du mandat précédent\n"
        "  # Gratuité de la restauration scolaire pour les enfants en situation de grande "
        "pauvreté ?\n"
        "  gratuite-grande-pauvrete: non  # À REMPLIR : réponse du mandat précédent\n"
        "  # Prix maximal d'un repas de restauration scolaire, pour une famille\n"
        "  prix-maximum-repas: 4,50 €  # À REMPLIR : réponse du mandat précédent\n"
    )
    at_answers = [f for f in french(path) if f[0] > locate(text, "answers:")[0]]
    assert [(rule, message) for _, _, _, rule, message, _ in at_answers] == [
        ("to-fill", "À vérifier : réponse du mandat précédent")
    ] * 3

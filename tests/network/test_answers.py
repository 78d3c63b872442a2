"""The network's questions added up: shares of the cities that answered, the others apart,
never counted as « non »; numbers by their spread. Every figure here is computed by hand."""

from __future__ import annotations

from tests.conftest import ROOT, SMALL_TOWN
from vae_cli.models.plan import Plan
from vae_cli.models.referential import Question, Referential
from vae_cli.network.answers import answers_of, question_results
from vae_cli.network.data import AnswerCount
from vae_cli.reading.yaml_document import compose


def _localized(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


YES_NO = Question.model_validate(
    {
        "id": "quotient",
        "kind": "yes_no",
        "label": _localized("Quotient familial ?", "Family income?"),
        "note": _localized("Question propre au projet vae", "The vae project's own question"),
    }
)
PRICE = Question.model_validate(
    {
        "id": "prix",
        "kind": "number",
        "label": _localized("Prix maximal", "Highest price"),
        "unit": "€",
        "minimum": 0,
    }
)
MODE = Question.model_validate(
    {
        "id": "mode",
        "kind": "choice",
        "label": _localized("Gestion", "Management"),
        "options": [
            {"id": "regie", "label": _localized("En régie", "In-house")},
            {"id": "delegation", "label": _localized("Déléguée", "Contracted out")},
        ],
    }
)


def test_a_yes_no_share_is_of_the_cities_that_answered() -> None:
    # Five cities: three « oui », one « non », one that did not answer.
    cities = [
        (("quotient", True),),
        (("quotient", True),),
        (("quotient", False),),
        (),
        (("quotient", True),),
    ]
    (result,) = question_results([YES_NO], cities, "fr")
    assert (result.answered, result.unanswered) == (4, 1)
    assert result.counts == (
        AnswerCount(value="yes", label="oui", cities=3, share=0.75),  # 3 of 4, not 3 of 5
        AnswerCount(value="no", label="non", cities=1, share=0.25),  # the silent city is no « non »
    )
    assert (result.label, result.kind, result.unit) == ("Quotient familial ?", "yes_no", None)
    assert result.note == "Question propre au projet vae"
    assert (result.minimum, result.median, result.maximum) == (None, None, None)
    (english,) = question_results([YES_NO], cities, "en")
    assert [c.label for c in english.counts] == ["yes", "no"]
    assert english.label == "Family income?"
    assert english.note == "The vae project's own question"


def test_a_number_gives_its_smallest_median_and_largest_answers() -> None:
    cities = [(("prix", 2.95),), (("prix", 4.5),), (), (("prix", 3.2),), ()]
    (result,) = question_results([PRICE], cities, "fr")
    assert (result.answered, result.unanswered) == (3, 2)
    assert (result.minimum, result.median, result.maximum) == (2.95, 3.2, 4.5)
    assert result.counts == ()
    assert result.unit == "€"
    # An even number of answers: the median is halfway between the middle two, (2 + 3) / 2.
    (even,) = question_results([PRICE], [(("prix", v),) for v in (10.0, 1.0, 3.0, 2.0)], "fr")
    assert (even.minimum, even.median, even.maximum) == (1.0, 2.5, 10.0)


def test_a_choice_counts_each_option_in_the_referential_order() -> None:
    cities = [(("mode", "delegation"),), (("mode", "regie"),), (("mode", "delegation"),), ()]
    (result,) = question_results([MODE], cities, "en")
    assert (result.answered, result.unanswered) == (3, 1)
    assert result.counts == (
        AnswerCount(value="regie", label="In-house", cities=1, share=1 / 3),
        AnswerCount(value="delegation", label="Contracted out", cities=2, share=2 / 3),
    )


def test_nobody_answering_gives_no_share_at_all() -> None:
    results = question_results([YES_NO, PRICE, MODE], [(), ()], "fr")
    assert [(r.answered, r.unanswered, r.counts, r.median) for r in results] == [
        (0, 2, (), None)
    ] * 3
    assert question_results([YES_NO], [], "fr")[0].unanswered == 0


def _plan(answers: str) -> Plan:
    text = SMALL_TOWN.read_text(encoding="utf-8")
    text = text[: text.index("answers:\n")] + answers
    return Plan.model_validate(compose(text).data)


def _referential() -> Referential:
    data = compose(
        (ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml").read_text(
            encoding="utf-8"
        )
    ).data
    assert isinstance(data, dict)
    referential = Referential.model_validate(data)
    return referential.model_copy(update={"questions": [*referential.questions, MODE]})


def test_answers_of_reads_each_answer_as_its_question_means_it() -> None:
    plan = _plan(
        "answers:\n  prix-maximum-repas: 4,50 €\n  mode: En régie\n"
        "  tarification-quotient-familial: Oui\n"
    )
    # In the referential's order, normalised; the unanswered question is absent.
    assert answers_of(plan, _referential()) == (
        ("tarification-quotient-familial", True),
        ("prix-maximum-repas", 4.5),
        ("mode", "regie"),
    )


def test_answers_of_leaves_out_what_validate_refuses() -> None:
    plan = _plan(
        "answers:\n  tarification-quotient-familial: peut-être\n  prix-maximum-repas: 1,500\n"
        "  gratuite-grande-pauvrete: non\n  inconnue: oui\n"
    )
    assert answers_of(plan, _referential()) == (("gratuite-grande-pauvrete", False),)


def test_a_network_of_plans_adds_up_as_by_hand() -> None:
    referential = _referential()
    plans = [
        _plan("answers:\n  tarification-quotient-familial: oui\n  prix-maximum-repas: 2,95\n"),
        _plan("answers:\n  tarification-quotient-familial: non\n  gratuite-grande-pauvrete: oui\n"),
        _plan("answers:\n  tarification-quotient-familial: true\n  prix-maximum-repas: 5\n"),
        _plan(""),
    ]
    results = question_results(
        referential.questions, [answers_of(p, referential) for p in plans], "fr"
    )
    by_id = {r.id: r for r in results}
    quotient = by_id["tarification-quotient-familial"]
    assert (quotient.answered, quotient.unanswered) == (3, 1)
    assert [(c.value, c.cities, c.share) for c in quotient.counts] == [
        ("yes", 2, 2 / 3),
        ("no", 1, 1 / 3),
    ]
    free = by_id["gratuite-grande-pauvrete"]
    assert (free.answered, free.unanswered) == (1, 3)
    assert [(c.value, c.cities, c.share) for c in free.counts] == [("yes", 1, 1.0), ("no", 0, 0.0)]
    price = by_id["prix-maximum-repas"]
    assert (price.answered, price.minimum, price.median, price.maximum) == (2, 2.95, 3.975, 5.0)
    assert "propre au projet vae" in (price.note or "")

"""How a French office writes a plan (decimal commas, French words, labels for ids, Word's
quotes, a spreadsheet's spaces, YAML slips): each habit gets a finding at the mistake, with a
hint that says what to type, in English and in French."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, edit_at, locate, run_vae

NB = "\u00a0"


def finding_at(path: Path, line: int, column: int, lang: str) -> dict[str, t.Any]:
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF, "--lang", lang)
    assert run.exit_code == 1, run
    found = [d for d in run.json()["diagnostics"] if (d["line"], d["column"]) == (line, column)]
    assert len(found) == 1, run.json()["diagnostics"]
    return t.cast(dict[str, t.Any], found[0])


# (case, old text of the small plan, new text, the part of it pointed at, rule, hint, French hint)
CASES = [
    (
        "decimal comma in a flow mapping",
        "{year: 2021, value: 30,",
        "{year: 2021, value: 28,5,",
        "28,5",
        "wrong-type",
        "write 28.5: no quotes, no spaces, a dot for decimals",
        f"écrivez 28.5{NB}: sans guillemets, sans espaces, avec un point pour les décimales",
    ),
    (
        "decimal comma and thousands in a flow mapping",
        "{year: 2020, amount_eur: 150,",
        "{year: 2020, amount_eur: 1 200,50,",
        "1 200,50",
        "wrong-type",
        "write 1200.50: no quotes, no spaces, a dot for decimals",
        f"écrivez 1200.50{NB}: sans guillemets, sans espaces, avec un point pour les décimales",
    ),
    (
        "decimal comma ending a flow mapping",
        "baseline: {year: 2020, value: 0}",
        "baseline: {year: 2020, value: 0,5}",
        "0,5",
        "wrong-type",
        "write 0.5: no quotes, no spaces, a dot for decimals",
        f"écrivez 0.5{NB}: sans guillemets, sans espaces, avec un point pour les décimales",
    ),
    (
        "no-break space between thousands",
        "budget_eur: 50000",
        f"budget_eur: 50{NB}000",
        f"50{NB}000",
        "wrong-type",
        "write 50000: no spaces (the one between the thousands is a no-break space, U+00A0, as "
        "a spreadsheet pastes it), a dot for decimals",
        f"écrivez 50000{NB}: sans espaces (celle entre les milliers est une espace insécable, "
        "U+00A0, comme en colle un tableur), avec un point pour les décimales",
    ),
    (
        "status in French",
        "{year: 2021, status: in_progress, spent_eur: 10000}",
        "{year: 2021, status: en cours, spent_eur: 10000}",
        "en cours",
        "invalid-value",
        '"en cours" is written in_progress in a plan: write `status: in_progress`',
        f"«{NB}en cours{NB}» s'écrit in_progress dans un plan{NB}: écrivez `status: in_progress`",
    ),
    (
        "status in French with a capital",
        "{year: 2021, status: in_progress, spent_eur: 10000}",
        "{year: 2021, status: En cours, spent_eur: 10000}",
        "En cours",
        "invalid-value",
        '"En cours" is written in_progress in a plan: write `status: in_progress`',
        f"«{NB}En cours{NB}» s'écrit in_progress dans un plan{NB}: écrivez `status: in_progress`",
    ),
    (
        "status réalisée",
        "status: done, spent_eur: 79000",
        "status: réalisée, spent_eur: 79000",
        "réalisée",
        "invalid-value",
        '"réalisée" is written done in a plan: write `status: done`',
        f"«{NB}réalisée{NB}» s'écrit done dans un plan{NB}: écrivez `status: done`",
    ),
    (
        "status terminé",
        "status: done, spent_eur: 79000",
        "status: terminé, spent_eur: 79000",
        "terminé",
        "invalid-value",
        '"terminé" is written done in a plan: write `status: done`',
        f"«{NB}terminé{NB}» s'écrit done dans un plan{NB}: écrivez `status: done`",
    ),
    (
        "status en retard",
        "{year: 2024, status: delayed",
        "{year: 2024, status: en retard",
        "en retard",
        "invalid-value",
        '"en retard" is written delayed in a plan: write `status: delayed`',
        f"«{NB}en retard{NB}» s'écrit delayed dans un plan{NB}: écrivez `status: delayed`",
    ),
    (
        "priority haute",
        "priority: high",
        "priority: haute",
        "haute",
        "invalid-value",
        '"haute" is written high in a plan: write `priority: high`',
        f"«{NB}haute{NB}» s'écrit high dans un plan{NB}: écrivez `priority: high`",
    ),
    (
        "direction hausse",
        "direction: increase",
        "direction: hausse",
        "hausse",
        "invalid-value",
        '"hausse" is written increase in a plan: write `direction: increase`',
        f"«{NB}hausse{NB}» s'écrit increase dans un plan{NB}: écrivez `direction: increase`",
    ),
    (
        "commitment with accents",
        "commitment: equite",
        "commitment: équité",
        "équité",
        "known-reference",
        'write its id: "equite"',
        f"écrivez son identifiant{NB}: «{NB}equite{NB}»",
    ),
    (
        "commitment with a capital",
        "commitment: participation",
        "commitment: Participation",
        "Participation",
        "known-reference",
        'write its id: "participation"',
        f"écrivez son identifiant{NB}: «{NB}participation{NB}»",
    ),
    (
        "commitment by the beginning of its label",
        "commitment: participation",
        "commitment: La participation et l'engagement…",
        "La participation",
        "known-reference",
        'write its id: "participation"',
        f"écrivez son identifiant{NB}: «{NB}participation{NB}»",
    ),
    (
        "obligation by its label",
        "obligations: [formation]",
        "obligations: [Formation aux droits de l'enfant]",
        "Formation",
        "known-reference",
        'write its id: "formation"',
        f"écrivez son identifiant{NB}: «{NB}formation{NB}»",
    ),
    (
        "obligation with an accent",
        "obligations: [vision-partagee]",
        "obligations: [vision-partagée]",
        "vision-partagée",
        "known-reference",
        'write its id: "vision-partagee"',
        f"écrivez son identifiant{NB}: «{NB}vision-partagee{NB}»",
    ),
    (
        "id with an accent",
        "id: rues-aux-ecoles",
        "id: rues-aux-écoles",
        "rues-aux-écoles",
        "invalid-value",
        "write rues-aux-ecoles: an id has only lowercase letters a-z, digits and hyphens, no "
        "accents, capitals or spaces",
        f"écrivez rues-aux-ecoles{NB}: un identifiant n'a que des minuscules a-z, des chiffres "
        "et des tirets, sans accents, majuscules ni espaces",
    ),
    (
        "id with spaces and a capital",
        "id: rues-aux-ecoles",
        "id: Part bio repas",
        "Part bio repas",
        "invalid-value",
        "write part-bio-repas: an id has only lowercase letters a-z, digits and hyphens, no "
        "accents, capitals or spaces",
        f"écrivez part-bio-repas{NB}: un identifiant n'a que des minuscules a-z, des chiffres "
        "et des tirets, sans accents, majuscules ni espaces",
    ),
    (
        "a number where a year and a value go",
        "baseline: {year: 2020, value: 0}",
        "baseline: 0",
        "0",
        "wrong-type",
        "write the year and the value: `baseline: {year: 2020, value: 0}`",
        f"écrivez l'année et la valeur{NB}: `baseline: {{year: 2020, value: 0}}`",
    ),
    (
        "a sentence where a year and a value go",
        "target: {year: 2025, value: 100}",
        "target: 26 en 2025",
        "26 en 2025",
        "wrong-type",
        "write the year and the value: `target: {year: 2025, value: 26}`",
        f"écrivez l'année et la valeur{NB}: `target: {{year: 2025, value: 26}}`",
    ),
    (
        "a name where a section of keys goes",
        'city:\n  name: Villebourg\n  insee_code: "01053"\n  department: "01"',
        "city: Villebourg",
        "Villebourg",
        "wrong-type",
        "indent the keys of this section under it, on lines of their own: `name:`, "
        "`insee_code:`, `department:`",
        f"indentez les clés de cette section sous son nom, chacune sur sa ligne{NB}: `name:`, "
        "`insee_code:`, `department:`",
    ),
    (
        "missing direction",
        "        direction: increase\n        baseline: {year: 2020, value: 0}",
        "        baseline: {year: 2020, value: 0}",
        "",
        "missing-key",
        "add `direction:` with one of: increase, decrease (Whether progress means the value "
        "going up or down)",
        f"ajoutez `direction:` avec l'une de ces valeurs{NB}: increase, decrease",
    ),
    (
        "Word's quotes around a code",
        'insee_code: "01053"',
        "insee_code: “01053”",
        "“01053”",
        "invalid-value",
        'write "01053" with straight quotes: “ ” and « » are typographic quotes (from Word), '
        "which YAML keeps as part of the text",
        f'écrivez "01053" avec des guillemets droits{NB}: “ ” et «{NB}»{NB}sont des guillemets '
        "typographiques (de Word), que YAML garde dans le texte",
    ),
    (
        "Word's quotes around a number",
        "respondents: 240",
        "respondents: “240”",
        "“240”",
        "wrong-type",
        "write 240: “ ” and « » are typographic quotes (from Word), which YAML keeps as part of "
        "the text; a number has no quotes",
        f"écrivez 240{NB}: “ ” et «{NB}»{NB}sont des guillemets typographiques (de Word), que "
        f"YAML garde dans le texte{NB}; un nombre s'écrit sans guillemets",
    ),
    (
        "department not the INSEE code's",
        'insee_code: "01053"\n  department: "01"',
        'insee_code: "76540"\n  department: "27"',
        '"27"',
        "department-matches-insee",
        'write `department: "76"`, or check `insee_code` (the commune\'s code, not its postcode)',
        'écrivez `department: "76"`, ou vérifiez `insee_code` (le code de la commune, pas '
        "son code postal)",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "pointed", "rule", "hint", "french"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_a_french_habit_gets_its_own_hint(
    small_town: str,
    write_plan: t.Callable[[str], Path],
    old: str,
    new: str,
    pointed: str,
    rule: str,
    hint: str,
    french: str,
) -> None:
    if pointed:
        text, (line, column) = edit_at(small_town, old, new, pointed)
    else:  # a missing key: the finding points at the mapping that lacks it
        text = small_town.replace(old, new, 1)
        line, column = locate(text, "id: ecoles-rue-apaisee")
    path = write_plan(text)
    english = finding_at(path, line, column, "en")
    assert (english["rule"], english["hint"]) == (rule, hint)
    assert finding_at(path, line, column, "fr")["hint"] == french


# (case, file content, (line, column) of the mistake, message, hint, French message, French hint)
SLIPS = [
    (
        "missing closing quote",
        'schema_version: 1\ncity:\n  name: "Rue aux écoles\n  insee_code: "01053"\n'
        + "mandate:\n  start: 2020\n" * 1
        + "# …\n" * 20,
        (3, 9),
        'The text in quotes that starts here (") is never closed',
        'add the closing " at the end of the text, on this line',
        "Le texte entre guillemets qui commence ici (\") n'est jamais fermé",
        'ajoutez le " fermant à la fin du texte, sur cette ligne',
    ),
    (
        "apostrophe inside single quotes",
        "actions:\n  - id: a\n    lead: 'Direction de l'espace public'\n    start: 2021\n",
        (3, 26),
        "The apostrophe of l'espace ends the text begun with '",
        "inside single quotes, write the apostrophe twice ('Direction de l''espace public'), or "
        'put the text in double quotes ("Direction de l\'espace public")',
        "L'apostrophe de l'espace termine le texte ouvert par '",
        "entre apostrophes, doublez l'apostrophe ('Direction de l''espace public'), ou mettez "
        'le texte entre guillemets droits ("Direction de l\'espace public")',
    ),
    (
        "percent unquoted",
        "indicators:\n  - id: a\n    unit: %\n    direction: increase\n",
        (3, 11),
        "A value cannot start with % unless it is in quotes",
        'put it in quotes: unit: "%"',
        "Une valeur ne peut commencer par % que si elle est entre guillemets",
        f'mettez-la entre guillemets{NB}: unit: "%"',
    ),
    (
        "missing dash before a list item",
        "actions:\n  - id: a\n    title: Un\n  id: b\n    title: Deux\n",
        (4, 3),
        "This line is in a list, but does not start with `- `",
        "write `- id: b` to start a new item of the list, or indent it as far as the keys of "
        "the item above",
        "Cette ligne est dans une liste, mais ne commence pas par `- `",
        "écrivez `- id: b` pour commencer un nouvel élément de la liste, ou indentez-la autant "
        "que les clés de l'élément du dessus",
    ),
    (
        "key one space short",
        "actions:\n  - id: a\n    title: Un\n   lead: Voirie\n",
        (4, 1),
        "This key starts in column 4, the key above in column 5",
        "start it in column 5, as the key above: the keys of one mapping line up",
        "Cette clé commence en colonne 4, la clé du dessus en colonne 5",
        f"commencez-la en colonne 5, comme la clé du dessus{NB}: les clés d'un même ensemble "
        "sont alignées",
    ),
    (
        "Word's curly quotes around a value",
        "actions:\n  - id: a\n    title: “Objectif : 100 %”\n",
        (3, 12),
        "“ is a typographic quote (from Word): YAML reads it as a letter, not as a quote",
        'write straight quotes: title: "Objectif : 100 %"',
        f"“ est un guillemet typographique (de Word){NB}: YAML le lit comme une lettre, pas "
        "comme un guillemet",
        f'écrivez des guillemets droits{NB}: title: "Objectif : 100 %"',
    ),
    (
        "libyaml's own words, in French too",
        "a: [1, 2\nb: 3\n",
        (2, 2),
        "Invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
        "check the indentation and quoting on this line and the one before",
        f"YAML invalide (la `,` ou le `]` attendu est introuvable{NB}; en lisant une liste entre "
        "crochets)",
        "vérifiez l'indentation et les guillemets sur cette ligne et la précédente",
    ),
]


@pytest.mark.parametrize(
    ("content", "where", "message", "hint", "message_fr", "hint_fr"),
    [c[1:] for c in SLIPS],
    ids=[c[0] for c in SLIPS],
)
def test_a_yaml_slip_is_located_where_the_mistake_is(
    write_plan: t.Callable[[str], Path],
    content: str,
    where: tuple[int, int],
    message: str,
    hint: str,
    message_fr: str,
    hint_fr: str,
) -> None:
    path = write_plan(content)
    english = finding_at(path, *where, "en")
    assert (english["rule"], english["message"], english["hint"]) == ("yaml-syntax", message, hint)
    french = finding_at(path, *where, "fr")
    assert (french["message"], french["hint"]) == (message_fr, hint_fr)


def test_a_missing_quote_shows_the_line_where_the_text_started(
    write_plan: t.Callable[[str], Path],
) -> None:
    path = write_plan('city:\n  name: "Rue aux écoles\n  insee_code: x\n' + "# …\n" * 20)
    run = run_vae("validate", path, "--as-of", AS_OF)
    assert run.stdout.splitlines()[1:3] == [
        '  2 |   name: "Rue aux écoles',
        "    |         ^",
    ]


def test_the_reports_own_french_labels_are_understood() -> None:
    """What the French reports call a status, a priority or a direction (« Réalisée »,
    « Haute »…) is a word `vae validate` and `vae record --status` read back as its value."""
    from vae_cli.i18n.catalogs import catalog
    from vae_cli.models.french import meant
    from vae_cli.models.plan import Direction, Priority, Status

    labels = {  # the English labels of templates/_labels.jinja
        Status.PLANNED: "Planned",
        Status.IN_PROGRESS: "In progress",
        Status.DONE: "Done",
        Status.DELAYED: "Delayed",
        Status.PAUSED: "Paused",
        Status.ABANDONED: "Abandoned",
        Priority.HIGH: "High",
        Priority.MEDIUM: "Medium",
        Priority.LOW: "Low",
    }
    french = catalog("fr")
    for value, label in labels.items():
        choices = [v.value for v in type(value)]
        assert meant(french[label], choices) == value.value, (label, french[label])
        assert meant(label, choices) == value.value  # `In progress`, the English label
    assert meant("Hausse", [d.value for d in Direction]) == "increase"
    assert meant("bloqué", [s.value for s in Status]) is None  # paused or delayed: no guess

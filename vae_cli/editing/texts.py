"""The French comments `vae init` writes into a new plan: what each section is for."""

from __future__ import annotations

from vae_cli.models.plan import Status
from vae_cli.models.referential import Question, Referential

# How an action's status reads in French (an action is feminine: « réalisée »).
STATUS_FR = {
    Status.PLANNED: "à venir",
    Status.IN_PROGRESS: "en cours",
    Status.DONE: "réalisée",
    Status.DELAYED: "en retard",
    Status.PAUSED: "en pause",
    Status.ABANDONED: "abandonnée",
}

HOW_TO = (
    "Les valeurs « À REMPLIR » sont à compléter, et les valeurs suivies du commentaire",
    "« # À REMPLIR » sont provisoires : vérifiez-les, puis effacez ce commentaire.",
    "`vae validate` sur ce fichier les liste toutes, avec leur ligne.",
    "",
    "Pour modifier ce fichier sans erreur :",
    "  - les noms de champs (à gauche des « : ») restent en anglais, les valeurs en français ;",
    "  - l'indentation (espaces en début de ligne) compte : des espaces, jamais de tabulations ;",
    "  - un texte qui contient « : » ou commence par un signe spécial se met entre guillemets ;",
    "  - les identifiants (`id`) s'écrivent en minuscules, chiffres et tirets, sans accent.",
    "Chaque année, `vae record` ajoute avancements, mesures et cotisations sans rien déranger.",
)

SCHEMA_VERSION = ("Version du format de fichier (toujours 1 pour l'instant).",)
REFERENTIAL = ("Le référentiel du réseau : ses engagements, obligations et recommandations.",)
CITY = (
    "LA COMMUNE. Les codes sont entre guillemets, pour garder un éventuel zéro en tête ;",
    "le département est déduit du code INSEE.",
)
MANDATE = ("LE MANDAT MUNICIPAL couvert par le plan (première et dernière année).",)
CONTACTS = (
    "LES CONTACTS : l'élu·e référent·e et le ou la référent·e technique des services.",
    "Chacun peut avoir aussi `role:` (fonction) et `email:` ; `commission:` nomme la",
    "commission du conseil chargée de l'enfance et de la jeunesse.",
)


def deliberations_comments(start: int) -> tuple[str, ...]:
    """What a deliberation holds, with an example of the plan's own first year."""
    return (
        "LES DÉLIBÉRATIONS du conseil municipal (candidature, adoption du plan…), une par entrée :",
        f"  - date: {start}-11-02          (ou `year: {start}` si la date n'est pas connue)",
        '    number: "9-7"               (son numéro, s\'il en a un, entre guillemets)',
        '    title: "Candidature au titre Ville amie des enfants"',
        "    decisions:",
        '      - "Autoriser le maire à déclarer la ville candidate."',
        "Les étapes du réseau se datent sous `process:` (voir docs/plan-format.md) :",
        "`declaration_of_intent`, `hearing` (audition devant la commission d'UNICEF France),",
        "`board_decision`, `convention_signed`, chacune `{date: AAAA-MM-JJ, note: …}`, et",
        "`probation: {start: …, end: …}` pour une période probatoire.",
    )


MEMBERSHIP = (
    "L'ADHÉSION au réseau : l'année où elle commence (`since` : une cotisation est attendue",
    "pour chaque année à partir de celle-ci), la cotisation annuelle votée par le conseil, et",
    "chaque paiement, un par année (`vae record payment` les ajoute).",
)
COMMITMENTS = (
    "LES ENGAGEMENTS du référentiel, indissociables et obligatoires : pour chacun, la lecture",
    "qu'en fait la ville, en quelques phrases.",
)


def indicator_example(start: int, end: int) -> tuple[str, ...]:
    """An indicator to copy, its years those of the plan's mandate (a target after the mandate
    would be an error to fix)."""
    return (
        "Indicateurs : au moins un par action, avec une valeur de départ et une cible, par ex.",
        "  - id: familles-accueillies",
        '    label: "Familles accueillies"',
        '    unit: familles               (`"%"`, entre guillemets : valeurs de 0 à 100)',
        "    direction: increase          (increase : doit monter ; decrease : doit baisser)",
        f"    baseline: {{year: {start}, value: 320}}",
        f"    target: {{year: {end}, value: 600}}",
        "    measurements: []             (`vae record measure` ajoute les mesures annuelles)",
    )


def actions_comments(referential: Referential) -> tuple[str, ...]:
    lines = [
        "LES FICHES ACTIONS. Au moins une action par engagement ; chaque obligation du réseau",
        "doit être couverte par au moins une action, qui cite son id dans `obligations:`.",
        "Les obligations :",
        *(f"  - {o.id} : {o.label.fr}" for o in referential.obligations),
    ]
    if referential.recommendations:
        lines.append("Les recommandations (à citer dans `recommendations:`) :")
        lines.extend(f"  - {r.id} : {r.label.fr}" for r in referential.recommendations)
    lines += [
        "Chaque action peut aussi avoir : elected_referent, partners, target_groups (« 6-11 »…),",
        "end (année de fin ; rien pour une action continue), budget_eur, priority (high,",
        "medium, low). Avancements (`vae record progress`) : "
        + ", ".join(f"{s.value} ({label})" for s, label in STATUS_FR.items())
        + ".",
    ]
    return tuple(lines)


def consultations_comments(editions: list[str]) -> tuple[str, ...]:
    """`editions`: those opened during the plan's mandate, the only ones that count for it."""
    entry = (
        "    respondents: 240           (questionnaires remplis ; 200 pour un extrait local)",
        "    local_extract: true",
    )
    if not editions:
        return (
            "LA CONSULTATION NATIONALE des 6/18 ans, au moins une fois par mandat.",
            "Aucune édition annoncée pour ce mandat : ajoutez-la quand UNICEF France l'annonce,",
            "sous la forme :",
            "  - edition: \"…\"               (l'identifiant de l'édition)",
            *entry,
        )
    known = ", ".join(f'"{e}"' for e in editions)
    return (
        "LA CONSULTATION NATIONALE des 6/18 ans, au moins une fois par mandat, par ex. :",
        f'  - edition: "{editions[-1]}"',
        *entry,
        f"Éditions de ce mandat : {known}.",
    )


ANSWERS = (
    "LES RÉPONSES AUX QUESTIONS DU RÉSEAU, que le réseau additionne d'une ville à l'autre.",
    "Oui ou non s'écrit `oui` ou `non` ; un nombre `4,50` ; un choix, par l'id de l'option.",
)


def answer_wanted(question: Question) -> str:
    """What the city writes in answer to `question`, said in the to-fill marker."""
    if question.kind == "yes_no":
        return "oui ou non"
    if question.kind == "number":
        return f"un nombre, en {question.unit}" if question.unit else "un nombre"
    return "l'une de ces réponses : " + ", ".join(option.id for option in question.options)

"""The words a French office writes where the plan format wants one of its own values.

A référent·e copies « En cours » or « Réalisée » from a spreadsheet, or types « haute » for a
priority: `vae validate` and `vae record --status` say which value of the format such a word
means, instead of "write one of: planned, in_progress…". Words are compared bare (`bare`:
lowercase, without accents, `-`, `_` and apostrophes read as spaces).
"""

from __future__ import annotations

import re
import unicodedata

from vae_cli.models.plan import Direction, Priority, Status


def bare(text: str) -> str:
    """`text` as words are compared: lowercase, accents dropped (`é` -> `e`, `œ` -> `oe`),
    hyphens, underscores and apostrophes as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "Oe"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[-_'’ʼ‘]", " ", plain).split())


# By value; each word bare. The reports' own French labels are among them (a test checks), and
# ADEME's statuses of an action sheet (« À venir, En cours, Réalisé, En pause, Abandonné, En
# retard »); « Bloqué » is left out: blocked may be paused or delayed, and vae does not guess.
_WORDS: dict[Status | Priority | Direction, tuple[str, ...]] = {
    Status.PLANNED: ("a venir", "prevu", "prevue", "planifie", "planifiee", "programme",
                     "programmee", "a faire", "pas commence", "non commence", "non demarre"),
    Status.IN_PROGRESS: ("en cours", "commence", "commencee", "demarre", "demarree",
                         "en cours de realisation", "en realisation"),
    Status.DONE: ("realise", "realisee", "realises", "realisees", "termine", "terminee",
                  "fait", "faite", "acheve", "achevee", "fini", "finie"),
    Status.DELAYED: ("en retard", "retarde", "retardee", "reporte", "reportee"),
    Status.PAUSED: ("en pause", "suspendu", "suspendue", "en suspens", "en attente"),
    Status.ABANDONED: ("abandonne", "abandonnee", "annule", "annulee"),
    Priority.HIGH: ("haute", "haut", "elevee", "eleve", "forte", "fort", "prioritaire"),
    Priority.MEDIUM: ("moyenne", "moyen", "normale", "normal"),
    Priority.LOW: ("basse", "bas", "faible"),
    Direction.INCREASE: ("hausse", "a la hausse", "augmentation", "augmenter", "croissant",
                         "croissante", "en hausse", "plus haut est mieux"),
    Direction.DECREASE: ("baisse", "a la baisse", "diminution", "diminuer", "decroissant",
                         "decroissante", "en baisse", "reduction", "reduire",
                         "plus bas est mieux"),
}  # fmt: skip
_MEANING: dict[str, str] = {word: value.value for value, words in _WORDS.items() for word in words}


def meant(word: str, choices: list[str]) -> str | None:
    """The value among `choices` that `word`, written in French (or as a value with capitals,
    accents or spaces: `In progress`, `in-progress`), stands for; None if it stands for none."""
    key = bare(word)
    value = _MEANING.get(key) or key.replace(" ", "_")
    return value if value in choices and value != word else None

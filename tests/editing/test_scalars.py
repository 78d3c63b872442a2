"""Values written by `vae record` and `vae init` read back as exactly the value given."""

from __future__ import annotations

import pytest

from vae_cli.editing.emit import Commented, Section, emit
from vae_cli.editing.scalars import format_scalar
from vae_cli.reading.yaml_document import compose

TRICKY = [
    "Toutes les écoles",
    "Objectif : 100 %",
    "a, b",
    "[crochets]",
    "# pas un commentaire",
    "x #y",
    "yes",
    "no",
    "null",
    "~",
    "2021",
    "01053",
    "1e3",
    "2020-11-02",
    "- tiret",
    "l'école",
    'il dit "oui"',
    "ligne 1\nligne 2",
    " espace devant",
    "tab\tici",
    "fin :",
    "séparateur\u2028de ligne",
    "",
    "€ 200",
    "@arobase",
]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("quote", [None, "'", '"'])
def test_text_reads_back_the_same_in_block_and_flow(text: str, quote: str | None) -> None:
    block = format_scalar(text, flow=False, quote=quote)
    flow = format_scalar(text, flow=True, quote=quote)
    assert compose(f"k: {block}\n").data == {"k": text}
    assert compose(f"k: [{flow}, {{a: {flow}}}]\n").data == {"k": [text, {"a": text}]}


@pytest.mark.parametrize("number", [0, 200, 200.0, 22.8, 0.1, 1e20, 1234567.25])
def test_numbers_read_back_the_same(number: float) -> None:
    assert compose(f"k: {format_scalar(number, flow=False)}\n").data == {"k": number}
    assert format_scalar(200.0, flow=False) == "200"


def test_a_long_text_is_folded_and_reads_back_the_same() -> None:
    long = "Un texte long : " + " ".join(["mot"] * 60) + " # fin"
    text = emit(["en-tête"], [Section("a", {"b": Commented(long, ("commentaire",))})])
    assert "  b: >-\n" in text
    assert all(len(line) <= 100 for line in text.splitlines())
    assert compose(text).data == {"a": {"b": long}}


# What YAML 1.1 readers (PyYAML, many editors) or YAML 1.2 readers (yaml-language-server, which
# checks plans against vae's JSON Schema) read as something else than text.
OTHER_READERS = ["0x1F", ".inf", "1_000", "=", "2024-01-01", "0o17", "0b101", "1:20", "-.5", "<<"]


@pytest.mark.parametrize("text", [*OTHER_READERS, "yes", "Off", "~"])
@pytest.mark.parametrize("flow", [False, True])
def test_text_other_yaml_readers_would_not_read_as_text_is_quoted(text: str, flow: bool) -> None:
    import yaml
    from ruamel.yaml import YAML

    written = format_scalar(text, flow=flow)
    source = f"k: [{written}]\n" if flow else f"k: {written}\n"
    expected = {"k": [text]} if flow else {"k": text}
    assert yaml.safe_load(source) == expected  # YAML 1.1
    assert YAML(typ="safe", pure=True).load(source) == expected  # YAML 1.2
    assert compose(source).data == expected  # vae


def test_ordinary_text_stays_plain() -> None:
    for text in ("Réalisé en 2024", "Oui", "Campagne de mesures", "École 2"):
        assert format_scalar(text, flow=True) == text

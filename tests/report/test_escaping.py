"""Hostile text in every free-text field of a plan shows as text in both formats.

A plan is edited by many hands and its strings end up in pages published by a city: markup in a
title must not become markup in the report. The Markdown is parsed with markdown-it (CommonMark
plus GFM tables), the HTML is checked for the tags the hostile text carries.
"""

from __future__ import annotations

import html as html_module
import re
import typing as t
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from tests.conftest import run_vae
from vae_cli.markdown import escape as md_escape

# The reports of the 2023 run, by kind, without their extension (French, the default).
NAMES = {"followup": "2023-followup.fr", "plan": "plan.fr", "children": "2023-children.fr"}

HOSTILE = (
    '<script>alert("x")</script> | *bold* _it_ [link](https://evil.example) '
    "<b>html</b> &amp; `code` ~~gone~~ ![img](https://evil.example/i.png) "
    # A right-to-left override and an isolate: "Trojan Source" reordering of what follows.
    "\u202egnp.exe \u2066isolé\u2069"
)
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Keys whose values are free text in the plan format (ids, years, enums and patterns excluded).
FREE_TEXT = {
    "name", "role", "email", "commission", "title", "rapporteur", "secretary", "decisions",
    "source", "summary", "description", "lead", "elected_referent", "partners", "note",
    "label", "unit", "follow_up", "for_children", "said", "city_did",
}  # fmt: skip


def poison(data: t.Any, key: str | None = None) -> t.Any:
    if isinstance(data, dict):
        return {k: poison(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [poison(v, key) for v in data]
    if isinstance(data, str) and key in FREE_TEXT:
        # Every field gets its own hostile text, also spread over lines, as YAML allows.
        return f"{HOSTILE}\n# {key} ok\n- item"
    return data


@pytest.fixture
def hostile_plan(report_plan: Path) -> Path:
    data = yaml.safe_load(report_plan.read_text(encoding="utf-8"))
    report_plan.write_text(yaml.safe_dump(poison(data), allow_unicode=True), encoding="utf-8")
    return report_plan


@pytest.mark.parametrize("kind", ["followup", "plan", "children"])
def test_hostile_text_is_text_in_markdown(hostile_plan: Path, kind: str) -> None:
    run = run_vae("report", hostile_plan, "--year", "2023", "--kind", kind, "--format", "md")
    assert run.exit_code == 0, run
    source = Path("reports/villebourg", NAMES[kind] + ".md").read_text(encoding="utf-8")
    assert source.count("ok") > 10  # the hostile text is there, many times
    assert not BIDI.search(source) and "\ufffdgnp.exe" in source
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    html = md.render(source)
    # The one link plan text makes is a web address linking to itself, shown whole (as GitHub
    # links any address it sees): never a link whose text hides where it leads, never an image.
    links = re.findall(r'<a href="([^"]*)">([^<]*)</a>', html)
    assert links and all(
        href == text == "https://evil.example" or href == text == "https://evil.example/i.png"
        for href, text in links
    ), links
    html = re.sub(r'<a href="([^"]*)">\1</a>', "", html)
    for made in (
        "<script", "<b>", "<a ", "<img", "<em>it</em>", "<strong>bold</strong>",
        "<s>gone</s>", "<del>gone</del>", "<code>code</code>",
    ):  # fmt: skip
        assert made not in html, f"{made} made it through the Markdown"
    assert "&lt;script&gt;alert(" in html  # shown as text, not dropped
    # Our own formatting survives: headings and bold labels from the templates.
    assert "<h1>" in html and "<strong>" in html
    assert html.count("<h1>") == 1  # "# ok" in a value never becomes a heading
    # Every table row has as many cells as its header: a `|` in a value splits nothing.
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], flags=re.S):
            assert len(re.findall(r"<td", row)) == header


@pytest.mark.parametrize("kind", ["followup", "plan", "children"])
def test_hostile_text_is_text_in_html(hostile_plan: Path, kind: str) -> None:
    run = run_vae("report", hostile_plan, "--year", "2023", "--kind", kind, "--format", "html")
    assert run.exit_code == 0, run
    html = Path("reports/villebourg", NAMES[kind] + ".html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    for tag in ("<script", "<b>", '<a href="https://evil', "<img"):
        assert tag not in html
    assert "&amp;amp;" in html  # an entity in the plan is shown, not decoded
    # No bidirectional control reaches the page: each shows as �, as in a terminal.
    assert not BIDI.search(html) and "\ufffdgnp.exe" in html


# Values that begin with what would open a block at the start of a line, or look like it.
LINE_STARTS = [
    "2024. Bilan", "1. Lieux", "1) Lieux", "12345678901. Trop long pour une liste", "1.",
    "1.5 million", "2024.Bilan", "- tiret", "-1 €", "-", "+ plus", "+33 1 23 45 67 89",
    "= égal", "===", "---", "***", "___", "# Titre", "#hashtag", "> citation", "* étoile",
    "```python", "~~~", "<div>", "| a | b |", "[x]: https://evil.example", " - espace puis tiret",
    "    quatre espaces", "\\ barre", "fin \\", "&copy;", "a\n- b\n1. c",
]  # fmt: skip
# Where a template puts a value: a line of its own, a list item, after a label, a table cell.
CONTEXTS = {
    "paragraph": ("{}", "<p>", "</p>"),
    "list item": ("- {}", "<ul>\n<li>", "</li>\n</ul>"),
    "nested item": ("- a\n  - {}", "<ul>\n<li>a\n<ul>\n<li>", "</li>\n</ul>\n</li>\n</ul>"),
    "heading": ("### {}", "<h3>", "</h3>"),
    "after a label": ("**Note :** {}", "<p><strong>Note :</strong> ", "</p>"),
    "table cell": ("| h |\n| --- |\n| {} |", "<table>", "</table>"),
}


def visible(html: str) -> str:
    """The text a reader sees in a piece of HTML (no-break spaces read as spaces)."""
    seen = html_module.unescape(re.sub(r"<[^>]+>", "", html)).strip()
    return seen.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("value", LINE_STARTS)
def test_a_value_reads_as_typed_wherever_it_lands(value: str, context: str) -> None:
    template, opening, closing = CONTEXTS[context]
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    html = md.render(template.format(md_escape(value)))
    assert html.startswith(opening) and html.rstrip().endswith(closing), html  # no new block
    shown = visible(html)
    typed = " ".join(value.split())  # a value is put on one line
    if context == "after a label":
        shown = shown.removeprefix("Note :").strip()
    elif context == "nested item":
        shown = shown.removeprefix("a").strip()
    elif context == "table cell":
        shown = shown.removeprefix("h").strip()
    assert shown == typed


def test_titles_and_notes_starting_with_a_number_show_without_a_backslash(
    report_plan: Path,
) -> None:
    text = report_plan.read_text(encoding="utf-8")
    text = text.replace("title: Rues aux écoles", "title: 2024. Bilan des rues")
    text = text.replace("note: Toutes les écoles sont concernées.", "note: 1. Lieux choisis")
    text = text.replace("- Autoriser le maire", "- 2) Autoriser le maire")
    report_plan.write_text(text, encoding="utf-8")
    md = MarkdownIt("commonmark").enable("table")
    for kind in ("followup", "plan"):
        run = run_vae("report", report_plan, "--year", "2023", "--kind", kind, "--format", "md")
        assert run.exit_code == 0, run
        source = Path("reports/villebourg", NAMES[kind] + ".md").read_text(encoding="utf-8")
        html = md.render(source)
        assert "<h3>2024. Bilan des rues</h3>" in html
        assert "\\" not in visible(html)
        assert "<ol" not in html  # no value became a numbered list
    followup = Path("reports/villebourg/2023-followup.fr.md").read_text(encoding="utf-8")
    assert "En 2023 : 1. Lieux choisis" in visible(md.render(followup))
    assert "<li>2) Autoriser le maire" in md.render(
        Path("reports/villebourg/plan.fr.md").read_text(encoding="utf-8")
    )

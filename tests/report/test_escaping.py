"""Hostile text in every free-text field of a plan shows as text in both formats.

A plan is edited by many hands and its strings end up in pages published by a city: markup in a
title must not become markup in the report. The Markdown is parsed with markdown-it (CommonMark
plus GFM tables), the HTML is checked for the tags the hostile text carries.
"""

from __future__ import annotations

import re
import typing as t
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from tests.conftest import run_vae

HOSTILE = (
    '<script>alert("x")</script> | *bold* _it_ [link](https://evil.example) '
    "<b>html</b> &amp; `code` ~~gone~~ ![img](https://evil.example/i.png)"
)
# Keys whose values are free text in the plan format (ids, years, enums and patterns excluded).
FREE_TEXT = {
    "name", "role", "email", "commission", "title", "rapporteur", "secretary", "decisions",
    "source", "summary", "description", "lead", "elected_referent", "partners", "note",
    "label", "unit", "follow_up",
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


@pytest.mark.parametrize("kind", ["followup", "plan"])
def test_hostile_text_is_text_in_markdown(hostile_plan: Path, kind: str) -> None:
    run = run_vae("report", hostile_plan, "--year", "2023", "--kind", kind, "--format", "md")
    assert run.exit_code == 0, run
    source = Path(f"reports/villebourg/2023-{kind}.md").read_text(encoding="utf-8")
    assert source.count("ok") > 10  # the hostile text is there, many times
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    html = md.render(source)
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


@pytest.mark.parametrize("kind", ["followup", "plan"])
def test_hostile_text_is_text_in_html(hostile_plan: Path, kind: str) -> None:
    run = run_vae("report", hostile_plan, "--year", "2023", "--kind", kind, "--format", "html")
    assert run.exit_code == 0, run
    html = Path(f"reports/villebourg/2023-{kind}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    for tag in ("<script", "<b>", '<a href="https://evil', "<img"):
        assert tag not in html
    assert "&amp;amp;" in html  # an entity in the plan is shown, not decoded

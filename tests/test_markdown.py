"""One set of Markdown rules for the reports, the job summary and the pull-request comment.

Each piece of text is parsed back with markdown-it (CommonMark, GFM tables and strikethrough):
whatever a plan holds, the reader sees it as typed, and no value opens a block or a new cell.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.conftest import AS_OF, SMALL_TOWN, run_vae
from vae_cli import markdown

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
# The characters Markdown reads as syntax somewhere, and a few ordinary ones between them.
HOSTILE_TEXT = st.lists(
    st.sampled_from([*"\\`*_[]<>|~&#!$-+=.):1a@ \n\u00a0", "&amp;", "GH-", "    "]), max_size=12
).map("".join)
CONTEXTS = {
    "paragraph": "{}",
    "list item": "- {}",
    "after a label": "**Note :** {}",
    "table cell": "| h |\n| --- |\n| {} |",
}


def shown(source: str) -> str:
    """The text a reader sees, without the template's own words (nor the invisible word
    joiners that keep `@name` and `#12` from being GitHub's mentions and links)."""
    seen = html.unescape(re.sub(r"<[^>]+>", "", MD.render(source))).replace("\u2060", "").strip()
    return seen.removeprefix("Note :").removeprefix("h").strip()


def one_line(text: str) -> str:
    return re.sub(r"[^\S\u00a0]+", " ", text).strip()


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_escaped_text_reads_as_typed_in_every_context(text: str) -> None:
    for context, template in CONTEXTS.items():
        assert shown(template.format(markdown.escape(text))) == one_line(text), context


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"\\`*_[]<>|~&#!$-+=.):1a@ /\n\t\u00a0\u202f\u202e«»'é", "GH-", "gh-1"]),
        max_size=12,
    ).map("".join)
)
@example("GH-12 et gh-3")
@example("2024. Bilan")
@example(" - note")
def test_the_shortcut_for_plain_text_changes_nothing(text: str) -> None:
    """Plain text is returned as it is: exactly what every step of the escaping gives."""
    assert markdown.escape(text) == markdown.escaped_in_full(text)


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
@example(" \u00a0 ")  # CommonMark strips the spaces around it, but a no-break space is no space
def test_a_code_span_holds_exactly_the_text(text: str) -> None:
    expected = re.sub(r"[^\S\u00a0]+", " ", text) or " "
    for source in (
        markdown.code(text),
        f"| h |\n| --- |\n| {markdown.code(text, in_table=True)} |",
    ):
        spans = re.findall(r"<code>(.*?)</code>", MD.render(source), flags=re.S)
        assert [html.unescape(s) for s in spans] == [expected], source


def test_no_break_spaces_of_french_typography_are_kept() -> None:
    assert markdown.escape("45\u202f000,50\u00a0€ :") == "45\u202f000,50\u00a0€ :"


def test_a_number_is_escaped_only_where_it_would_start_a_list() -> None:
    assert markdown.escape("1.5 million") == "1.5 million"
    assert markdown.escape("2024. Bilan") == "2024\\. Bilan"


def test_github_links_and_math_stay_text() -> None:
    # GitHub finds `#12` in the text once rendered, past the backslash: a word joiner breaks it.
    assert markdown.escape("voir #12, 5$ à 10$") == "voir \\#\u206012, 5\\$ à 10\\$"


def test_code_keeps_spaces_at_both_ends() -> None:
    assert markdown.code(" a ") == "`  a  `"
    assert markdown.code("a`b") == "``a`b``"


def test_a_bar_in_a_path_does_not_split_the_job_summary_table(tmp_path: Path) -> None:
    """The job summary puts paths in code spans inside a table: `|` there must not end the cell."""
    plan = tmp_path / "a|b.yaml"
    shutil.copy(SMALL_TOWN, plan)
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("budget_eur: 50000", "budget_eur: 5000"),
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    run = run_vae(
        "validate", plan, "--as-of", AS_OF, "--format", "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert run.exit_code == 0, run
    rendered = MD.render(summary.read_text(encoding="utf-8"))
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, flags=re.S)
    assert len(rows) == 2  # the header and the one warning
    cells = re.findall(r"<td>(.*?)</td>", rows[1], flags=re.S)
    assert len(cells) == 4
    assert cells[0].startswith("<code>") and "a|b.yaml:" in cells[0]


def test_web_and_e_mail_addresses_are_links_that_work() -> None:
    """`point_ecoute` in an address must not become `point\\_ecoute`: GitHub, GitLab and marked
    would show the backslash and link to `%5C_`. Each address is a link to itself, in every
    context, and the sentence around it reads as typed."""
    text = (
        "Écoute : https://dijon.fr/point_ecoute?a=1&b=2#12. Écrire à point_ecoute@dijon.fr, "
        "ou voir (https://fr.wikipedia.org/wiki/Dijon_(ville))."
    )
    for context, template in CONTEXTS.items():
        rendered = MD.render(template.format(markdown.escape(text)))
        hrefs = re.findall(r'href="([^"]+)"', rendered)
        assert [html.unescape(h) for h in hrefs] == [
            "https://dijon.fr/point_ecoute?a=1&b=2#12",
            "mailto:point_ecoute@dijon.fr",
            "https://fr.wikipedia.org/wiki/Dijon_(ville)",
        ], context
        assert shown(template.format(markdown.escape(text))) == text, context
        assert "\\" not in rendered

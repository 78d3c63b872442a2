"""A city's templates (`--template-dir`) are code written by someone else: they read the
report's data and nothing more, and whatever they try ends in a usage error, never in a shell
command, a file read, a hang, memory exhausted or "a bug in vae"."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, Run, run_vae
from vae_cli.check import Checker
from vae_cli.report import isolated
from vae_cli.report.followup import build_followup
from vae_cli.report.plan_document import build_plan_document
from vae_cli.report.source import Source
from vae_cli.report.template_data import Record, to_template_data


def _report_with(template: str, plan: Path, tmp_path: Path) -> Run:
    mine = tmp_path / "mine"
    mine.mkdir(exist_ok=True)
    (mine / "followup.md").write_text(template, encoding="utf-8")
    return run_vae("report", plan, "--year", "2023", "--format", "md", "--template-dir", mine)


def _refused(run: Run, *words: str) -> None:
    assert run.exit_code == 2, run
    assert "template followup.md" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and "bug in vae" not in run.stderr
    for word in words:
        assert word in run.stderr, run.stderr
    assert not Path("reports/villebourg/2023-followup.fr.md").exists()


def test_a_template_cannot_unpickle_and_so_run_a_command(report_plan: Path, tmp_path: Path) -> None:
    pwned = tmp_path / "pwned.txt"
    payload = f"cos\\nsystem\\n(S'id > {pwned}'\\ntR."
    for template in (
        f'{{{{ report.plan.parse_raw("{payload}", proto="pickle", allow_pickle=True) }}}}',
        '{{ report.plan.model_validate_json("{}") }}{{ report.plan.city.copy() }}',
    ):
        run = _report_with(template, report_plan, tmp_path)
        _refused(run)
    assert not pwned.exists()


def test_a_template_cannot_read_a_local_file(report_plan: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"token": "s3cr3t"}', encoding="utf-8")
    run = _report_with(f"{{{{ report.plan.parse_file('{secret}') }}}}", report_plan, tmp_path)
    _refused(run)
    assert "s3cr3t" not in run.stdout + run.stderr


def _checked_dijon() -> tuple[object, object]:
    checked = Checker(as_of=2024).check_plan(ROOT / "plans" / "dijon-2020.yaml")
    assert checked.plan is not None and checked.referential is not None
    followup = build_followup(
        checked.plan,
        checked.referential,
        year=2023,
        source=Source(path="plans/dijon-2020.yaml"),
        warnings=[],
        in_progress=False,
        lang="en",
    )
    document = build_plan_document(checked.plan, checked.referential, source=Source(path="p"))
    return followup, document


@pytest.mark.parametrize("kind", [0, 1])
def test_templates_are_handed_plain_data_only(kind: int) -> None:
    """Every value a template can reach is text, a number, a boolean, a date, a list, a mapping
    or a record of those: no model, dataclass or enumeration with methods of its own."""
    data = to_template_data(_checked_dijon()[kind])
    seen: set[type] = set()
    records = 0

    def walk(value: object) -> None:
        nonlocal records
        seen.add(type(value))
        if isinstance(value, Record):
            records += 1
            for name in value._fields:  # the test looks inside on purpose
                walk(value[name])
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(data)
    assert seen <= {Record, list, dict, str, int, float, bool, type(None), dt.date}, seen
    assert records > 50  # the whole report, not an empty shell


def test_the_report_data_keeps_its_computed_fields() -> None:
    followup = to_template_data(_checked_dijon()[0])
    assert isinstance(followup, Record)
    assert followup.glance.spent_share is not None  # a property of the report's dataclass
    statuses = {a.status for a in followup.actions}
    assert statuses <= {"done", "in_progress", "planned", "delayed", "paused", "abandoned"}


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{{ lipsum(n=1000000) }}", ["lipsum"]),
        ("{{ '%0900000000d' % 1 }}", ["900,000,000 characters wide"]),
        ("{{ '%*d' % (900000000, 1) }}", ["`*` width"]),
        ("{{ '%.900000000f' % 1.5 }}", ["wide"]),
        ("{{ '{:>900000000}'.format(1) }}", ["format"]),
        ("{{ '{0:>{1}}'.format(1, 900000000) }}", ["format"]),
        ("{{ 'a'|center(900000000) }}", ["wide"]),
        ("{{ 'a'.center(900000000) }}", ["wide"]),
        ("{{ 'a'.rjust(900000000) }}{{ 'a'.zfill(900000000) }}", ["wide"]),
        ("{{ 'a'|indent(900000000) }}", ["wide"]),
        ("{{ '%s'|format(1) }}{{ '%0900000000d'|format(1) }}", ["wide"]),
        ('{{ _("%(n)0900000000d", n=1) }}', ["wide"]),
        (
            "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
            "{% endfor %}{{ ns.s }}",
            ["items"],
        ),
        ("{% set s = 'a' * 1000 %}{{ s.replace('', s).replace('', s) }}", ["items"]),
        ("{% set s = 'a' * 1000 %}{{ s|replace('a', s)|replace('a', s) }}", ["items"]),
        ("{% set s = 'a' * 999999 %}{{ s.join([s, s, s]) }}", ["items"]),
        ("{% set s = 'a' * 999999 %}{{ [s, s, s]|join(s) }}", ["items"]),
        ("{% set s = 'a' * 999999 %}{{ ([s] * 999999)|join }}", ["items"]),
        ("{{ ''.join }}{{ [].append(1) }}", ["unsafe"]),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", ["RecursionError"]),
        ("{% include 'followup.md' %}", ["RecursionError"]),
    ],
)
def test_a_template_bomb_is_a_usage_error(
    report_plan: Path, tmp_path: Path, template: str, words: list[str]
) -> None:
    _refused(_report_with(template, report_plan, tmp_path), *words)


def test_a_template_that_never_ends_is_stopped(
    report_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(isolated, "MAX_SECONDS", 1.0)
    template = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    _refused(_report_with(template, report_plan, tmp_path), "takes more than 1 s", "vae stopped")


def test_a_template_that_hoards_memory_is_stopped(
    report_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each step is small (1 MB), so no check of the sandbox sees it; the child's limit does."""
    monkeypatch.setattr(isolated, "MAX_MEMORY", 256 << 20)
    template = (
        "{% set ns = namespace(kept=[]) %}{% for i in range(2000) %}"
        "{% set ns.kept = ns.kept + [('x' * 999000) ~ i] %}{% endfor %}{{ ns.kept|length }}"
    )
    _refused(_report_with(template, report_plan, tmp_path), "needs more than 256 MiB")


def test_a_template_writing_too_much_is_stopped(report_plan: Path, tmp_path: Path) -> None:
    template = "{% set s = 'x' * 999999 %}{% for i in range(100) %}{{ s }}{% endfor %}"
    _refused(_report_with(template, report_plan, tmp_path), "writes more than 20,000,000")


def test_an_ordinary_city_template_still_works(report_plan: Path, tmp_path: Path) -> None:
    template = (
        "{% import '_labels.jinja' as l %}"
        "{% for a in report.actions %}{% if loop.first %}{{ a.action.title|upper }}: "
        "{{ l.status(a.status) }}{% endif %}{% endfor %}"
        " {{ report.plan.city.name.split('b')[0] }} {{ '%-5s|' % 'ab' }}"
        " {{ {'a': 1}.items()|list|length }} {{ report.year }}\n"
    )
    run = _report_with(template, report_plan, tmp_path)
    assert run.exit_code == 0, run
    text = Path("reports/villebourg/2023-followup.fr.md").read_text(encoding="utf-8")
    assert text.splitlines()[-1].endswith(" Ville ab \\| 1 2023")


def test_our_own_templates_do_not_need_the_child_process(
    report_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_child(*args: object, **kwargs: object) -> str:
        raise AssertionError("vae's own templates ran in a child process")

    monkeypatch.setattr(isolated, "run", no_child)
    run = run_vae("report", report_plan, "--year", "2023", "--format", "html")
    assert run.exit_code == 0, run


def test_the_sample_reports_render_through_a_city_template_dir(tmp_path: Path) -> None:
    """A city that copies all of `templates/` and changes nothing gets the same report."""
    mine = tmp_path / "mine"
    shutil.copytree(ROOT / "templates", mine)
    plan = ROOT / "plans" / "dijon-2020.yaml"
    ours = run_vae("report", plan, "--year", "2023", "--output", tmp_path / "a")
    theirs = run_vae(
        "report", plan, "--year", "2023", "--output", tmp_path / "b", "--template-dir", mine
    )
    assert ours.exit_code == theirs.exit_code == 0, (ours, theirs)
    for name in ("2023-followup.fr.md", "2023-followup.fr.html", "2023-followup.fr.pdf"):
        a = (tmp_path / "a" / "dijon-2020" / name).read_bytes()
        assert a == (tmp_path / "b" / "dijon-2020" / name).read_bytes()

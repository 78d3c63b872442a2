"""`vae diff` against real, temporary git repositories with several commits."""

from __future__ import annotations

import subprocess
import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, SMALL_TOWN, run_vae

PLAN = "plans/villebourg.yaml"


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def commit(self, message: str, files: dict[str, str] | None = None) -> str:
        for path, text in (files or {}).items():
            self.write(path, text)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "--short=7", "HEAD")


def new_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """An empty repository on branch main, made the current directory."""
    root = tmp_path / "city"
    root.mkdir()
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "Test")
    repo.git("config", "user.email", "test@example.org")
    repo.git("config", "commit.gpgsign", "false")
    monkeypatch.chdir(root)
    return repo


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    return new_repo(tmp_path, monkeypatch)


def diff(*args: str) -> t.Any:
    return run_vae("diff", "--as-of", AS_OF, *args)


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


SMALL = SMALL_TOWN.read_text(encoding="utf-8")
# A branch's two commits: a finished action, more spending and a new measurement, then a removed
# action, which leaves a commitment and an obligation without any action.
FIRST = edit(
    SMALL,
    (
        "      - {year: 2025, status: in_progress, spent_eur: 5000}",
        "      - {year: 2025, status: done, spent_eur: 9000}",
    ),
    (
        "          - {year: 2023, value: 80}",
        "          - {year: 2023, value: 80}\n          - {year: 2025, value: 130}",
    ),
    ("budget_eur: 50000", "budget_eur: 60000"),
)
SECOND = (
    FIRST[: FIRST.index("  - id: ecole-numerique")]
    + FIRST[FIRST.index("  - id: conseil-enfants") :]
)


def test_two_commits_on_a_branch(repo: Repo):
    """The default base is the merge base with main: both commits of the branch are shown."""
    base = repo.commit("plan", {PLAN: SMALL})
    repo.git("checkout", "-q", "-b", "update")
    repo.commit("2025 progress", {PLAN: FIRST})
    repo.commit("drop an action", {PLAN: SECOND})
    run = diff()
    assert run.exit_code == 0, run
    assert run.stdout == (
        f"{PLAN}: changed since the merge base with main ({base})\n"
        "  Actions\n"
        "    removed ecole-numerique «Écoles numériques»\n"
        "  Status\n"
        "    aide-devoirs: 2025 now done (was in progress)\n"
        "  Money\n"
        "    rues-aux-ecoles: budget €50,000 → €60,000\n"
        "    aide-devoirs: spent €22,000 → €26,000 (+€4,000); by year: 2025 €5,000 → €9,000\n"
        "  Measurements\n"
        "    enfants-aide-devoirs (Enfants inscrits, action aide-devoirs): 2025: 130 enfants "
        "measured; closer to the target of 120 enfants in 2026 (latest was 80 enfants in 2023); "
        "progress status: substantial progress → target achieved\n"
        "  Coverage\n"
        "    commitment parcours-educatif «A quality educational path» is no longer covered by "
        "any action (it was by ecole-numerique)\n"
        "    obligation vision-partagee «A shared vision of the child's place» is no longer "
        "covered by any action (it was by ecole-numerique)\n"
        "  Findings\n"
        "    new error at line 36 [commitment-covered]: No action serves the commitment "
        '"parcours-educatif" (Un parcours éducatif de qualité)\n'
        "    new error at line 36 [obligation-covered]: No action covers the obligation "
        '"vision-partagee" (Vision partagée de la place de l\'enfant)\n'
    )
    # An explicit revision, and a plan named alone (taken for a path, as git does).
    run = diff("HEAD~1", PLAN)
    assert run.stdout.startswith(f"{PLAN}: changed since HEAD~1 (")
    assert "Status" not in run.stdout and "removed ecole-numerique" in run.stdout
    run = diff(PLAN)
    assert run.stdout.startswith(f"{PLAN}: changed since the merge base with main ({base})")


def test_rescoped_added_and_fixed(repo: Repo):
    """Re-scoped and added actions, coverage gained, a finding fixed, a corrected measurement."""
    broken = edit(SMALL, ("obligations: [plan-action, suivi]", "obligations: [plan-action]"))
    repo.commit("plan", {PLAN: broken})
    added = (
        "  - id: jardins\n"
        "    title: Jardins *partagés* | écoles\n"
        "    description: Des jardins.\n"
        "    commitment: bien-etre\n"
        "    obligations: [suivi]\n"
        "    lead: Espaces verts\n"
        "    start: 2024\n"
        "    budget_eur: 12000\n"
        "    progress:\n"
        "      - {year: 2024, status: in_progress}\n"
        "      - {year: 2025, status: in_progress}\n"
        "    indicators:\n"
        "      - {id: jardins-ouverts, label: Jardins, unit: jardins, direction: increase,\n"
        "         baseline: {year: 2023, value: 0}, target: {year: 2026, value: 10}}\n"
    )
    after = edit(
        SMALL,
        ("commitment: parcours-educatif", "commitment: equite"),
        ("obligations: [vision-partagee]", "obligations: [vision-partagee, formation]"),
        ("{year: 2022, value: 60}", "{year: 2022, value: 50}"),
        ("consultations:", added + "consultations:"),
    )
    repo.write(PLAN, after)  # not committed: the working tree is compared
    run = diff()
    assert run.exit_code == 0, run
    out = run.stdout
    assert (
        "added jardins «Jardins *partagés* | écoles» (commitment bien-etre; obligations suivi; "
        "budget €12,000)" in out
    )
    assert "re-scoped rues-aux-ecoles: now covers suivi" in out
    assert (
        "re-scoped ecole-numerique: commitment parcours-educatif → equite; now covers formation"
        in out
    )
    assert "ecoles-rue-apaisee (Écoles avec une rue apaisée, action rues-aux-ecoles): 2022 " in out
    assert "2022 corrected from 60 % to 50 %; latest value unchanged" in out
    assert (
        "obligation suivi «Monitoring progress and collecting data» is now covered, by "
        "rues-aux-ecoles, jardins" in out
    )
    assert "commitment parcours-educatif «A quality educational path» is no longer covered" in out
    assert "fixed error [obligation-covered]" in out

    md = diff("--format", "md").stdout
    assert md.startswith("### vae diff: plans compared with the merge base with main (`")
    assert "- added `jardins` «Jardins \\*partagés\\* \\| écoles»" in md
    assert "#### Coverage" in md

    document = diff("--format", "json").json()
    assert document["version"] == 1
    (plan,) = document["plans"]
    assert plan["state"] == "changed"
    assert [a["id"] for a in plan["actions_added"]] == ["jardins"]
    assert [r["commitment_after"] for r in plan["rescoped"]] == ["bien-etre", "equite"]
    assert {(c["kind"], c["id"], c["covered"]) for c in plan["coverage"]} == {
        ("obligation", "suivi", True),
        ("commitment", "parcours-educatif", False),
    }


def test_plan_added_and_deleted(repo: Repo):
    """A plan absent from the base is new; one absent from the working tree is deleted."""
    repo.commit("old", {"plans/ancien.yaml": SMALL})
    repo.git("checkout", "-q", "-b", "swap")
    (repo.root / "plans/ancien.yaml").unlink()
    repo.commit("swap", {PLAN: edit(SMALL, ("budget_eur: 50000", "budget_eur: 5000"))})
    run = diff()
    assert run.exit_code == 0, run
    base = repo.git("rev-parse", "--short=7", "main")
    # The small town's one abandoned action is all that serves its commitment "partenariat": a
    # warning its plan silences with `# vae: ignore`, which vae diff counts like the reports.
    assert run.stdout == (
        f"plans/ancien.yaml: deleted since the merge base with main ({base})\n"
        "  Findings\n"
        '    fixed warning [covered-only-by-abandoned]: The commitment "partenariat" is served '
        "only by abandoned actions (groupes-unicef)\n"
        f"{PLAN}: new plan, not in the merge base with main ({base}): 5 actions, 0 errors, "
        "2 warnings\n"
    )


def test_without_a_default_branch_compares_with_head(repo: Repo):
    repo.git("checkout", "-q", "-b", "trunk")
    head = repo.commit("plan", {PLAN: SMALL})
    repo.write(PLAN, "# a comment\n" + SMALL)
    assert diff().stdout == (f"{PLAN}: changed since HEAD ({head}), in comments or layout only\n")
    repo.write(PLAN, SMALL)
    assert diff().stdout == f"{PLAN}: no change since HEAD ({head})\n"


def test_unreadable_version(repo: Repo):
    """Broken YAML in the working tree: the findings are compared, not the content."""
    repo.commit("plan", {PLAN: SMALL})
    repo.write(PLAN, SMALL.replace("city:\n", "city: [\n", 1))
    run = diff()
    assert run.exit_code == 0, run
    assert "cannot be read as a plan in the working tree, so only its findings are compared" in (
        run.stdout
    )
    assert "new error at line" in run.stdout and "[yaml-syntax]" in run.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], 'vae: error: "nope" is not a commit of this repository\n'),
        (["HEAD", "plans/absent.yaml"], "vae: error: plans/absent.yaml: no such plan, now or at"),
    ],
)
def test_usage_errors(repo: Repo, args: list[str], message: str):
    repo.commit("plan", {PLAN: SMALL})
    run = diff(*args)
    assert run.exit_code == 2, run
    assert run.stderr.startswith(message), run
    assert "Traceback" not in run.stderr


def test_empty_repository(repo: Repo):
    run = diff()
    assert run.exit_code == 2, run
    assert "has no commit yet" in run.stderr


def test_outside_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    outside = tmp_path / "not-a-repo"
    (outside / "plans").mkdir(parents=True)
    (outside / PLAN).write_text(SMALL, encoding="utf-8")
    monkeypatch.chdir(outside)
    # Keep git from finding a repository above tmp_path.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    run = diff()
    assert run.exit_code == 2, run
    assert run.stderr.startswith(f"vae: error: {outside} is not inside a git repository\n")
    assert "Traceback" not in run.stderr


def test_two_commits_in_french(repo: Repo):
    """On a French terminal, every word is French: the sentences, the referential's labels,
    the findings and the sums of money, written the French way."""
    base = repo.commit("plan", {PLAN: SMALL})
    repo.git("checkout", "-q", "-b", "update")
    repo.commit("2025 progress", {PLAN: FIRST})
    repo.commit("drop an action", {PLAN: SECOND})
    run = run_vae("diff", "--as-of", AS_OF, env={"VAE_LANG": "fr"})
    assert run.exit_code == 0, run
    N, G = "\u00a0", "\u202f"  # no-break space; narrow one, between groups of digits
    assert run.stdout == (
        f"plans/villebourg.yaml{N}: modifié depuis la base commune avec main ({base})\n"
        "  Actions\n"
        f"    retrait de ecole-numerique «{N}Écoles numériques{N}»\n"
        "  États\n"
        f"    aide-devoirs{N}: 2025 désormais réalisée (était{N}: en cours)\n"
        "  Budget et dépenses\n"
        f"    rues-aux-ecoles{N}: budget 50{G}000{N}€ → 60{G}000{N}€\n"
        f"    aide-devoirs{N}: dépensé 22{G}000{N}€ → 26{G}000{N}€ (+4{G}000{N}€){N}; par année"
        f"{N}: 2025 5{G}000{N}€ → 9{G}000{N}€\n"
        "  Mesures\n"
        f"    enfants-aide-devoirs (Enfants inscrits, action aide-devoirs){N}: 2025{N}: 130 "
        f"enfants mesuré{N}; plus proche de la cible de 120 enfants en 2026 (dernière valeur{N}: "
        f"80 enfants en 2023){N}; progrès{N}: progrès substantiels → cible atteinte\n"
        "  Couverture\n"
        f"    l'engagement parcours-educatif «{N}Un parcours éducatif de qualité{N}» n'est plus "
        "couvert par aucune action (il l'était par ecole-numerique)\n"
        f"    l'obligation vision-partagee «{N}Vision partagée de la place de l'enfant{N}» n'est "
        "plus couverte par aucune action (elle l'était par ecole-numerique)\n"
        "  Constats\n"
        f"    nouvelle erreur ligne 36 [commitment-covered]{N}: Aucune action ne sert "
        f"l'engagement «{N}parcours-educatif{N}» (Un parcours éducatif de qualité)\n"
        f"    nouvelle erreur ligne 36 [obligation-covered]{N}: Aucune action ne couvre "
        f"l'obligation «{N}vision-partagee{N}» (Vision partagée de la place de l'enfant)\n"
    )
    for word in ("changed", "Status", "Money", "removed", "measured", "no longer", "new error"):
        assert word not in run.stdout, word
    markdown = run_vae("diff", "--as-of", AS_OF, "--format", "md", "--lang", "fr")
    assert markdown.stdout.startswith(f"### vae diff{N}: plans comparés à la base commune"), (
        markdown
    )


def test_a_base_too_large_is_read_no_further_than_the_limit(repo: Repo):
    """A plan over the size limit at the base is a finding there (`file-too-large`), as in the
    working tree; two such versions that differ past the limit are never "no change"."""
    from vae_cli.reading.yaml_document import MAX_BYTES

    padding = "#" * (MAX_BYTES + 10) + "\n"
    repo.commit("large", {PLAN: SMALL + padding})
    repo.write(PLAN, SMALL + padding + "# one more line\n")
    run = diff("HEAD")
    assert run.exit_code == 0, run
    assert "no change" not in run.stdout and "changed since HEAD" in run.stdout, run
    repo.write(PLAN, SMALL)
    run = diff("HEAD")
    assert run.exit_code == 0, run
    assert "fixed error" in run.stdout and "[file-too-large]" in run.stdout, run

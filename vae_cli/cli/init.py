"""`vae init`: start a plan, from the network's referential or from the last mandate's plan.
Only typer and the standard library are imported here (see app.py)."""

from __future__ import annotations

import datetime as dt
import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import Lang, out


def init(
    plan: t.Annotated[
        Path,
        typer.Argument(
            help="The plan file to create, e.g. plans/dijon-2026.yaml.", show_default=False
        ),
    ],
    city: t.Annotated[
        str | None, typer.Option("--city", help="Name of the city (for a new plan).")
    ] = None,
    insee: t.Annotated[
        str | None,
        typer.Option("--insee", help="INSEE code of the commune, e.g. 21231 (for a new plan)."),
    ] = None,
    referential: t.Annotated[
        str | None,
        typer.Option(
            "--referential",
            "-r",
            help="Id of a built-in referential, or a referential file. Default: the built-in "
            "one written for --mandate; else, with --from, the previous plan's; else "
            "unicef-france-vae-2020-2026.",
            show_default=False,
        ),
    ] = None,
    previous: t.Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="The previous mandate's plan: carry over the city, contacts and the actions "
            "still running.",
            dir_okay=False,
        ),
    ] = None,
    mandate: t.Annotated[
        str | None,
        typer.Option(
            "--mandate",
            help="Years of the mandate, START-END, e.g. 2026-2032. Default: the referential's "
            "(required with --from).",
            show_default=False,
        ),
    ] = None,
    lang: Lang = None,
) -> None:
    """Create a plan with every section laid out and French comments; never overwrites a file.

    Then fill in what `vae validate` lists as « À REMPLIR ».
    """
    from vae_cli.check import Checker, collect_plans
    from vae_cli.editing.arguments import check_text
    from vae_cli.editing.init.from_referential import new_plan
    from vae_cli.editing.init.next_mandate import next_mandate
    from vae_cli.editing.init.options import parse_mandate
    from vae_cli.editing.init.plan_file import write
    from vae_cli.errors import UsageError
    from vae_cli.findings.diagnostics import display_path
    from vae_cli.i18n.language import language
    from vae_cli.i18n.messages import msg, render

    city = check_text(city, "--city")
    insee = check_text(insee, "--insee")
    referential = check_text(referential, "--referential")
    mandate = check_text(mandate, "--mandate")
    checker = Checker(as_of=dt.date.today().year)
    if previous is not None:
        if mandate is None:
            raise UsageError(msg("--from needs --mandate"), hint=msg("e.g. --mandate 2026-2032"))
        if city or insee:
            raise UsageError(
                msg("--city and --insee come from the previous plan with --from"),
                hint=msg("leave them out, or edit `city:` in the new plan afterwards"),
            )
        if previous.is_dir():
            raise UsageError(
                msg("--from {path} is a folder; give the plan file", path=display_path(previous))
            )
        collect_plans([previous])  # missing, a broken link...: the message validate gives
        new = next_mandate(
            plan,
            previous=previous,
            mandate=parse_mandate(mandate),
            referential_name=referential,
            checker=checker,
        )
    else:
        if not city or not insee:
            raise UsageError(
                msg("a new plan needs --city and --insee"),
                hint=msg(
                    "e.g. vae init plans/dijon-2026.yaml --city Dijon --insee 21231, or start "
                    "from the last plan with --from PLAN --mandate 2026-2032"
                ),
            )
        new = new_plan(
            plan,
            city=city,
            insee=insee,
            referential_name=referential,
            mandate=parse_mandate(mandate) if mandate else None,
            checker=checker,
        )
    write(new)
    shown = display_path(plan)
    written_in = language(lang)

    def say(text: t.Any) -> None:
        # Ids and paths come from the old plan or the command line: `out` makes them inert.
        out(render(text, written_in))

    summary = "; ".join(render(line, written_in) for line in new.summary)
    say(msg("wrote {path}: {summary}.", path=shown, summary=summary))
    for warning in new.warnings:
        say(msg("  not in the referential any more: {warning}", warning=warning))
    if new.warnings:
        say(msg("  These ids were kept: choose new ones (`vae validate` points at them)."))
    if new.schema is not None and new.schema.note:
        say(msg("Schema: {note}.", note=new.schema.note))
    say(msg("Next: fill in what `vae validate {path}` lists.", path=shown))

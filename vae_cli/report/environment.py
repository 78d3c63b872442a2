"""The one configured Jinja2 environment, and rendering a report to text.

- A sandbox always: a city's templates (`--template-dir`) are code written by someone else, and
  ours run under the same rules so that a copy of them keeps working there.
- `StrictUndefined`: a misspelt variable is an error, never an empty cell.
- HTML templates autoescape; Markdown templates escape every value for Markdown through
  `finalize`, so `|`, `*`, `[a](b)` or `<script>` in a plan show as text in both formats. A
  template marks a value as already-formatted with `|safe` (it becomes `Markup`).
- Labels come from the gettext catalog of the language (`_()`, `ngettext()`, `{% trans %}`).
"""

from __future__ import annotations

import functools
import re
import typing as t
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from vae_cli import markdown
from vae_cli.errors import UsageError
from vae_cli.i18n.catalogs import translations
from vae_cli.i18n.formatting import Formatter, french_unit
from vae_cli.i18n.messages import msg
from vae_cli.i18n.typography import french_spacing
from vae_cli.inputs import read_regular
from vae_cli.report import isolated
from vae_cli.report.pdf import is_vae_pdf
from vae_cli.report.sandbox import ReportEnvironment
from vae_cli.report.template_data import Record, to_template_data
from vae_cli.resources import data_dir
from vae_cli.terminal import without_bidi_controls

# Put first in every report, so that `vae report` recognises the files it may overwrite.
# The commands that write documents from these templates, each naming itself in the comment
# that tells its files from a user's (`is_generated`).
WRITERS = ("vae report", "vae network")
# The longest report a city's template may write, in characters (a follow-up is some 100,000).
MAX_OUTPUT = 20_000_000
# The longest our own templates may write: about twice the plan's text at most (the HTML
# follow-up of a 5,000-action plan of 12 MiB is some 30,000,000), and plans are read up to
# 32 MiB; a network page of 35,000 communes is some 55,000,000.
MAX_OWN_OUTPUT = 100_000_000
# The largest PDF read to find vae's mark in it (the Dijon follow-up is some 250 kB).
MAX_PDF = 64 * 1024 * 1024

# A code span as CommonMark reads one: a run of backticks, then the same run again (not part of
# a longer one); a space just inside both ends is padding.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


@jinja2.pass_context
def _code_spans(context: jinja2.runtime.Context, value: object) -> Markup:
    """A message that marks code with backticks (`vae validate`'s style), with that code shown
    as code: `<code>` in HTML, a code span in Markdown; the rest escaped as any value."""
    text = "" if value is None else str(value)
    in_markdown = (context.name or "").endswith(".md")
    out: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        before, code = french_spacing(text[last : match.start()]), match.group(2)
        if len(code) > 2 and code.startswith(" ") and code.endswith(" ") and code.strip():
            code = code[1:-1]
        if in_markdown:
            out += [markdown.escape(before), markdown.code(code)]
        else:
            out += [str(Markup.escape(before)), f"<code>{Markup.escape(code)}</code>"]
        last = match.end()
    rest = french_spacing(text[last:])
    out.append(markdown.escape(rest) if in_markdown else str(Markup.escape(rest)))
    return Markup("".join(out))


# What `link` links: a whole value that is a web address, or an e-mail address.
_WEB = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, value: object) -> object:
    """A value that is a web or e-mail address as a link in HTML (only http, https and mailto:
    never a `javascript:` address); anything else, and Markdown (where `markdown.escape` makes
    addresses autolinks), as any value."""
    text = "" if value is None else str(value)
    if (context.name or "").endswith(".md"):
        return text
    if _WEB.fullmatch(text):
        href = text
    elif _EMAIL.fullmatch(text):
        href = f"mailto:{text}"
    else:
        return text
    return Markup('<a href="{}">{}</a>').format(href, text)


@jinja2.pass_context
def _plan_text(context: jinja2.runtime.Context, value: object) -> object:
    """Text from the plan, which is French: in an HTML report of another language, inside
    `<span lang="fr">`, so that a screen reader reads it with a French voice. For text content
    only (never an attribute)."""
    text = "" if value is None else str(value)
    if (context.name or "").endswith(".md") or context.get("lang") == "fr":
        return text
    return Markup('<span lang="fr">{}</span>').format(french_spacing(text))


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        # Plan text is French, in a report of either language; English has no space before
        # these marks, so nothing changes there.
        value = french_spacing(value)
    if isinstance(value, Markup) or not (context.name or "").endswith(".md"):
        return value  # HTML autoescaping (or a value marked safe) takes it from here
    return markdown.escape(str(value))


def _as_is(text: str) -> str:
    return text


@functools.lru_cache(maxsize=8)
def environment(*, lang: str, template_dir: Path | None = None) -> ReportEnvironment:
    """The environment for one language; a city's `template_dir` overrides ours file by file.

    Built once per language and template folder, and kept with the templates it compiled:
    rendering several plans, or both formats, compiles each template once (Jinja still
    reloads a template whose file changed)."""
    ours = data_dir("templates")
    search = [ours] if template_dir is None else [template_dir, ours]
    env = ReportEnvironment(
        loader=jinja2.FileSystemLoader([str(p) for p in search], encoding="utf-8"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        extensions=["jinja2.ext.i18n"],
    )
    catalog = translations(lang)
    spaced: t.Callable[[str], str] = french_spacing if lang == "fr" else _as_is
    # A report asks for the same labels once per action: each is looked up and spaced once.
    remembered = functools.lru_cache(maxsize=4096)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=remembered(lambda message: spaced(str(catalog.gettext(message)))),
        ngettext=remembered(lambda one, many, n: spaced(str(catalog.ngettext(one, many, n)))),
        pgettext=remembered(lambda ctx, message: spaced(str(catalog.pgettext(ctx, message)))),
        npgettext=remembered(
            lambda ctx, one, many, n: spaced(str(catalog.npgettext(ctx, one, many, n)))
        ),
        newstyle=True,
    )
    env.bound_gettext()
    fmt = Formatter(lang)
    env.filters.update(
        number=fmt.number,
        money=fmt.money,
        percent=fmt.percent,
        percent_value=fmt.percent_value,
        date=fmt.date,
        md=lambda value: Markup(markdown.escape(str(value))),
        # Filters, not macros, for anything that carries plan or referential text: a macro
        # called from an HTML template returns its output marked safe, escaped or not.
        value=lambda number, unit: (
            fmt.percent_value(number)
            if unit == "%"
            else f"{fmt.number(number)} {french_unit(unit, number)}"
        ),
        code_spans=_code_spans,
        link=_link,
        fr=_plan_text,
        loc=lambda text: text.fr if lang == "fr" else text.en,
    )
    env.globals.update(lang=lang)
    return env


def with_marker(text: str, *, html: bool, command: str = "vae report") -> str:
    """Put the generated-by comment first (after the doctype in HTML, to keep standards mode),
    naming `command` (one of WRITERS) as the writer."""
    comment = (
        f"<!-- generated by `{command}`: edit the plan or the templates, not this file; "
        f"`{command}` overwrites it. -->\n"
    )
    # The doctype looked for at the start only: a page may be tens of megabytes, and each
    # copy of it (lstrip, lower, partition) counts at the peak.
    head = text[:256]
    start = len(head) - len(head.lstrip())
    if html and text[start : start + 9].lower() == "<!doctype":
        end = text.find("\n", start)
        if end == -1:
            return f"{text[start:]}\n{comment}"
        return "".join((text[start : end + 1], comment, text[end + 1 :]))
    return comment + text


def render(
    template_name: str,
    data: object,
    *,
    lang: str,
    template_dir: Path | None = None,
    command: str = "vae report",
) -> str:
    """Render `template_name` with the report `data` as `report`, handed over as plain data;
    user mistakes in a template become usage errors naming the template and line. A city's
    templates (`template_dir`) run in a child process bounded in time and memory."""
    # Data already copied (`to_template_data`) is used as it is: a report written in two
    # formats copies its data once (templates cannot change it: the sandbox allows no method
    # that would).
    report = data if isinstance(data, Record) else to_template_data(data)
    env = environment(lang=lang, template_dir=template_dir)
    if template_dir is None:
        text = _render(env, template_name, report, template_dir=None)
    else:
        # The environment is built here, the city's templates are read and compiled in the
        # child: their mistakes and their cost stay there.
        text = isolated.run(
            lambda: _render(env, template_name, report, template_dir=template_dir),
            what=msg("template {name}", name=template_name),
            hint=msg("check your templates in {folder}", folder=str(template_dir)),
        )
    html = template_name.endswith(".html")
    # Autoescaping stops markup, not the bidirectional controls that reorder the text a reader
    # sees: they are neutralised on the whole page, so that no filter or template can miss one.
    return with_marker(without_bidi_controls(text) if html else text, html=html, command=command)


def _render(
    env: ReportEnvironment, template_name: str, report: object, *, template_dir: Path | None
) -> str:
    try:
        template = env.get_template(template_name)
        limit = MAX_OWN_OUTPUT if template_dir is None else MAX_OUTPUT
        return "".join(_counted(template.generate(report=report), limit))
    except jinja2.TemplateSyntaxError as e:
        raise UsageError(
            msg(
                "template {name}:{line}: {message}",
                name=e.filename or e.name,
                line=e.lineno,
                message=e.message or "",
            ),
            hint=msg("fix the template, or remove it from --template-dir to use vae's own"),
        ) from None
    except jinja2.TemplateNotFound as e:
        raise UsageError(msg("template {name} not found", name=e.name)) from None
    except (jinja2.UndefinedError, SecurityError) as e:
        raise UsageError(
            msg("template {name}: {error}", name=template_name, error=str(e)),
            hint=msg("a template may only read the report's data; see docs/report.md"),
        ) from None
    except MemoryError:
        raise  # the child process that renders a city's templates reports it
    except Exception as e:
        if template_dir is None:
            raise  # our own templates failing is a bug of ours, reported as such
        # A city's template: whatever it does wrong (a division by zero, a macro calling
        # itself for ever) is the template's mistake, not vae's.
        raise UsageError(
            msg(
                "template {name}: {kind}: {error}",
                name=template_name,
                kind=type(e).__name__,
                error=str(e),
            ),
            hint=msg("check your templates in {folder}", folder=str(template_dir)),
        ) from None


def _counted(parts: t.Iterable[str], limit: int) -> t.Iterator[str]:
    """The parts of a rendering, stopped once they add up to more than `limit` characters."""
    size = 0
    for part in parts:
        size += len(part)
        if size > limit:
            raise SecurityError(
                f"the template writes more than {limit:,} characters, the most vae allows"
            )
        yield part


def is_generated(path: Path) -> bool:
    """Whether `path` is a report `vae report` wrote (which it may overwrite): one that starts
    with the marker comment, or with a doctype line and then the marker comment (`with_marker`),
    or a PDF holding vae's mark (`pdf.MARK`). A file that only mentions the marker further on
    (notes about the reports) is the user's."""
    try:  # a regular file only: a named pipe there would be waited for
        data = read_regular(path, max_bytes=MAX_PDF if path.suffix == ".pdf" else 512)
    except OSError:
        return False
    if data.startswith(b"%PDF-"):  # a PDF carries its mark in a stream of its own
        return len(data) <= MAX_PDF and is_vae_pdf(data)
    head = data[:512].decode("utf-8", errors="replace")
    openings = tuple(f"<!-- generated by `{command}`" for command in WRITERS)
    head = head.removeprefix("\ufeff")  # a byte-order mark an editor may have added
    if head.startswith(openings):
        return True
    first, _, rest = head.partition("\n")
    return first.lower().startswith("<!doctype") and rest.startswith(openings)


__all__: t.Sequence[str] = [
    "environment",
    "is_generated",
    "render",
]

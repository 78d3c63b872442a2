"""Run a city's templates in a child process, with a limit on time and on memory.

The sandbox refuses every way we know of to build something huge in one step, but a template
is a program: nested loops can turn ten billion times, and a new trick may grow a value past
what it checks. A child process bounds all of it from outside: it is stopped after
`MAX_SECONDS`, and may allocate `MAX_MEMORY` bytes more than vae had when it started it.

Where the system cannot fork (Windows), the work runs in this process, with the sandbox's own
checks only: docs/report.md says so.
"""

from __future__ import annotations

import multiprocessing
import os
import typing as t
from multiprocessing.connection import Connection

from vae_cli.errors import UsageError
from vae_cli.i18n.messages import Text, msg

MAX_SECONDS = 20.0
MAX_MEMORY = 1 << 30

Outcome = tuple[t.Literal["text", "usage", "bug"], t.Any]


def run(work: t.Callable[[], str], *, what: Text, hint: Text) -> str:
    """`work()`, in a child process where the system has fork(); its usage errors come back as
    usage errors, and running out of time or memory is one too, naming `what`."""
    if not hasattr(os, "fork"):
        return work()
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, sending, what, hint), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(MAX_SECONDS):
            seconds = f"{MAX_SECONDS:g}"
            raise UsageError(
                msg(
                    "{what} takes more than {seconds} s to render; vae stopped it",
                    what=what,
                    seconds=seconds,
                ),
                hint=hint,
            )
        try:
            kind, payload = t.cast(Outcome, receiving.recv())
        except EOFError:
            child.join()
            raise UsageError(
                msg(
                    "{what} stopped the renderer (exit code {code})",
                    what=what,
                    code=child.exitcode,
                ),
                hint=hint,
            ) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiving.close()
    if kind == "text":
        return t.cast(str, payload)
    if kind == "usage":
        message, usage_hint = payload
        raise UsageError(message, hint=usage_hint)
    raise RuntimeError(f"rendering {what} failed in the child process:\n{payload}")


def _child(work: t.Callable[[], str], sending: Connection, what: Text, hint: Text) -> None:
    _limit_memory()
    outcome: Outcome
    try:
        outcome = ("text", work())
    except UsageError as e:
        outcome = ("usage", (e.message, e.hint))
    except MemoryError:
        too_big = msg(
            "{what} needs more than {mebibytes} MiB to render",
            what=what,
            mebibytes=MAX_MEMORY >> 20,
        )
        outcome = ("usage", (too_big, hint))
    except BaseException:  # a bug of ours: its traceback goes to the parent
        import traceback

        outcome = ("bug", traceback.format_exc())
    sending.send(outcome)
    sending.close()


def _limit_memory() -> None:
    """At most MAX_MEMORY bytes of address space above what the process has now (Linux; other
    systems keep only the time limit)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
        limit = pages * os.sysconf("SC_PAGE_SIZE") + MAX_MEMORY
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass

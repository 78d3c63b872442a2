"""Boolean flags read without Pydantic, so that `vae --help` and `vae validate --help` stay fast.

Typer coerces every parameter's value through a Pydantic TypeAdapter, built the first time the
parameter is processed. A group processes its own flags (`--help`, `--install-completion`,
`--show-completion`) before handing over to the command, with no value (None) when they are not
given: building their adapters imported Pydantic, about half the time of `vae validate --help`,
only to return None. The groups built with `LightFlagsGroup` give such a flag a coercion that
returns None, True or False as they are, which is what the adapter returns for them, and hands
any other value (a flag's value from an environment variable) to Typer's own coercion.
"""

from __future__ import annotations

import typing as t

import typer.core


class _FlagValue:
    """A boolean flag's coercion: its own values as they are, anything else to Typer's."""

    def coerce(self, value: object, param: t.Any, ctx: object) -> object:
        if value is None or isinstance(value, bool):
            return value
        param._runtime_param = None  # Typer builds its own on the next line
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


_FLAG_VALUE = _FlagValue()


def _is_plain_flag(param: object) -> bool:
    descriptor = getattr(param, "type_descriptor", None)
    return (
        getattr(descriptor, "annotation", None) is bool
        and getattr(param, "_runtime_param", False) is None
        and not getattr(param, "multiple", True)
        and getattr(param, "nargs", 0) == 1
    )


class LightFlagsGroup(typer.core.TyperGroup):
    """A Typer group whose boolean flags are coerced without Pydantic."""

    def get_params(self, ctx: t.Any) -> list[t.Any]:
        params: list[t.Any] = super().get_params(ctx)
        for param in params:
            if _is_plain_flag(param):
                param._runtime_param = _FLAG_VALUE
        return params

"""Pydantic models of a plan and of a network referential: the shape checks.

Shape is checked here (types, required keys, unknown keys, allowed values); meaning that spans
several objects (references, coverage, years against the mandate) is checked by `vae_cli.rules`,
so that it can be located precisely and be a warning where it should.
"""

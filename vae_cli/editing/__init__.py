"""Editing plans without losing a byte: `vae record` (splice one entry) and `vae init` (write a
new plan).

Why splicing rather than a ruamel.yaml round trip: ruamel's indentation settings are global to a
document (a file mixing `- ` offsets comes back re-indented), it writes one kind of line ending,
and it folds long lines unless told otherwise (see docs/editing.md). An edit here finds, with the
fast loader's positions, the few characters or lines where the entry goes, writes only those, then
parses the result again and checks it holds exactly the data intended.
"""

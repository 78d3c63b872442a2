"""`vae init`: a new plan laid out from a referential, or the next mandate's plan from the last.

The plan is built as data with French comments (`editing/texts.py`) and written by
`editing/emit.py`. What only the city can say is left as `À REMPLIR`, which the `to-fill` rule
reports: `vae validate` on a new plan lists exactly what remains to be filled in.

- `options.py`: the values of the command's options (mandate, INSEE code).
- `referential.py`: which referential the plan follows, and how the plan names it.
- `schema_link.py`: the `$schema` line, and the copy of the schema it points at.
- `layout.py`: the sections and placeholders both ways of starting a plan write.
- `from_referential.py`: `vae init` (a new plan); `next_mandate.py`: `vae init --from`.
- `plan_file.py`: the new plan, written without ever replacing a file.
"""

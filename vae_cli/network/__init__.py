"""`vae network`: every plan of a network read once, summed up for UNICEF France and its
local committees.

The pipeline: `discover` (the plans under the folders given) → `summary` (one plan checked
and reduced to a `CityRow`, in a worker process) → `aggregate` (the rows added up into a
`NetworkReport`) → `render` / `sheets` / `tidy` (the report's files). `data` holds the types
every step shares; nothing in them keeps a plan's model alive, so memory follows the number of
rows, not the size of the plans.
"""

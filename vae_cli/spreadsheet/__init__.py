"""`vae export` and `vae import`: the yearly follow-up table as a spreadsheet (ODS, XLSX, CSV).

layout.py says what the sheets hold (columns, their kind, which cells a department fills);
table.py builds that table from a plan; ods.py, xlsx.py and csv_files.py write it (and the first
two read it back); cells.py reads what a person typed; importing.py turns the cells into the
year's entries and records them with `vae record`'s splicer.
"""

"""The data of `vae report`: pure functions from a checked plan to what the templates show.

Nothing here reads the clock, the disk or the terminal, so the same plan and year always give the
same report. Rendering (Jinja2, Babel) lives in `vae_cli.report.environment`.
"""

"""The `vae` command line: one module per command, registered in `app.py`."""

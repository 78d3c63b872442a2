"""`vae diff`: what a change does to a plan, in words a reviewer can check.

`git.py` reads plans at a revision, `compare.py` turns two versions into data, `show.py` prints
that data as text, Markdown or JSON, and `run.py` ties them together for the command.
"""

"""vae: keep a « Ville amie des enfants » action plan as YAML, check it, render its reports."""

__version__ = "0.1.0"

"""Languages: the messages of findings, the catalogs, the choice of language, and formatting."""

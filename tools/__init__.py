"""Developer tools, run by `make docs`: they generate files the repository commits."""

"""Findings: what a check found, where, and every format that shows them."""

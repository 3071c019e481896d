"""Markdown pages from the model and its analysis, through one Jinja environment."""

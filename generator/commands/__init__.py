"""One module per command of ``python -m generator``; each is imported only when run."""

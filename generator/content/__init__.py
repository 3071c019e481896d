"""Loading ``content/``: read every file, validate it against the schema, check what spans
files, and build the model every later step reads."""

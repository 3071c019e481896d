"""The content schema, defined once: one module per content family, documented from here
(``guide`` writes the staff guide from the field descriptions)."""

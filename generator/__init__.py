"""Turns a ward's content (YAML) into a public static site built with MkDocs + Material."""

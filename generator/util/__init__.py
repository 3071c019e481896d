"""Helpers with no knowledge of content: text, Vietnamese numbers and dates, links, files."""

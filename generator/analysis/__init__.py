"""What the site and ``check`` say about the content: figures recomputed, citations
resolved, disclosure status. Pure functions of the loaded model."""

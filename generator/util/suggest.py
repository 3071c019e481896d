"""'Có phải ý bạn là …?': the closest known name to a mistyped one."""

from __future__ import annotations

import difflib


def suggest(word: str, options: list[str]) -> str | None:
    """Closest known name to ``word``, for 'có phải ý bạn là …?' hints."""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return close[0]
    # A clerk often types only the start of an id: 'kh-124' for 'kh-124-ubnd-2024'.
    longer = sorted(o for o in options if o.startswith(word))
    return longer[0] if len(longer) == 1 else None


"""Turn a content text into safe inline HTML: escaped, with **strong** and *emphasis* only.

The two tags below are the whole inline subset editors may use; everything else a
text contains is escaped, so no markup from content ever reaches a page.
"""

from __future__ import annotations

import re

from markupsafe import Markup

EMPHASIS = re.compile(r"\*\*(?P<strong>[^*]+)\*\*|\*(?P<em>[^*]+)\*")
# HTML's special characters and those Markdown would act on, as character references:
# inert text in both Markdown and HTML. One pass, so no reference is escaped twice.
INERT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"} | {
    c: f"&#{ord(c)};" for c in "\\`*_[]{}#|!~"
}


_INERT_TABLE = str.maketrans(INERT | {"\n": " "})  # str.translate: one pass, in C


def _inert(text: str) -> str:
    """Escape HTML and hide Markdown syntax so the text is shown exactly as written."""
    return text.translate(_INERT_TABLE)


def render_inline(text: str) -> Markup:
    """Safe inline HTML for text; the only markup kept is **strong** and *emphasis*."""
    out: list[str] = []
    position = 0
    for match in EMPHASIS.finditer(text):
        out.append(_inert(text[position : match.start()]))
        if match.group("strong") is not None:
            out.append(f"<strong>{_inert(match.group('strong'))}</strong>")
        else:
            out.append(f"<em>{_inert(match.group('em'))}</em>")
        position = match.end()
    out.append(_inert(text[position:]))
    return Markup("".join(out))


def render_plain(text: str) -> str:
    """Text without its emphasis markers, for titles and metadata."""
    return EMPHASIS.sub(lambda m: m.group("strong") or m.group("em"), text)

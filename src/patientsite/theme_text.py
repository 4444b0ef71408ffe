"""Content text on its way to the theme (MkDocs' templates are not autoescaped): escaped once.

Every value from content that Material prints itself (the site name and description, a page's
title and description in its front matter) is HTML-escaped text held as `Markup`:

- printed as it is (`{{ config.site_name }}`), it is text in an element or an attribute;
- through `| e` it is not escaped twice, since Markup is already safe;
- in Material's search index (whose titles its script shows as HTML) it is HTML text.

Only `| striptags` undoes the escaping; tests/test_injection.py lists the theme's every use of
it, and overrides/main.html escapes again where one is left.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from markupsafe import Markup

from patientsite.inline import render_plain

# The front matter fields of a generated page; their values are written escaped.
FRONT_MATTER = ("title", "description")


def theme_text(text: str) -> Markup:
    """A content text (emphasis markers removed) as escaped HTML text for the theme."""
    return Markup.escape(render_plain(text))


def mark_escaped(meta: MutableMapping[str, Any]) -> None:
    """Mark a generated page's front matter values, written escaped, as Markup (in place)."""
    for key in FRONT_MATTER:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = Markup(value)

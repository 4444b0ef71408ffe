"""The one place that gives the root element of Material's pages its text direction.

Material writes `dir` on `<body>` only (from `theme.direction`), and its `<html>` tag is
outside every block of base.html, so no template override can reach it. The root element
needs it too: the page title, the scroll bar and CSS's `:dir()` follow the root's direction.
tests/test_direction.py fails if Material's base.html changes the tag relied on here.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from patientsite.adapters import i18n as mkdocs_i18n
from patientsite.languages import direction

# The start of every page Material renders: `<!doctype html>` and the `<html` of its root.
_ROOT = re.compile(r"\A(\s*<!doctype html>\s*<html)(?=[\s>])", re.IGNORECASE)


def build_direction(config: Any) -> Literal["ltr", "rtl"]:
    """The text direction of the language being built."""
    return direction(mkdocs_i18n.current_language(config))


def set_theme_direction(config: Any) -> None:
    """Tell Material the direction of the language being built (its `<body dir>`)."""
    config.theme["direction"] = build_direction(config)


def mark_root(html: str, text_direction: Literal["ltr", "rtl"]) -> str:
    """The page with `dir` on its root element; a page Material did not write stays as it is."""
    if "<html dir=" in html[:200]:
        return html
    return _ROOT.sub(rf'\1 dir="{text_direction}"', html, count=1)

"""Mark every page with its language's text direction (src/patientsite/data/languages.yaml).

Material's `<body dir>` and the root element's `dir` (patientsite.adapters.direction), on the
pages and on the 404 page. Listed before hooks/not_found.py, which writes the 404 pages.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority

from patientsite.adapters.direction import build_direction, mark_root, set_theme_direction


@event_priority(-110)  # after i18n (-100) has switched the build to its language
def on_config(config: Any) -> Any:
    """Set Material's direction for the language being built."""
    set_theme_direction(config)
    return config


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Put the language's direction on the page's root element."""
    return mark_root(output, build_direction(config))


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Put the language's direction on the 404 page's root element."""
    if template_name != "404.html":
        return output_content
    return mark_root(output_content, build_direction(config))

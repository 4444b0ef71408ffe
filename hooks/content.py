"""Turn content/ into one Markdown page per page and language, before MkDocs reads docs/.

A thin adapter: loading, validation and rendering live in the patientsite package.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from patientsite.adapters import i18n as mkdocs_i18n
from patientsite.adapters import serve as mkdocs_serve
from patientsite.adapters.content import CACHE as _cache
from patientsite.adapters.content import content_for as _load
from patientsite.adapters.content import template_code as _template_code
from patientsite.chrome import banners, navigation
from patientsite.render import (
    render_figures,
    render_site,
    write_tree,
)
from patientsite.theme_text import mark_escaped, theme_text

log = logging.getLogger("mkdocs.hooks.content")


@event_priority(-110)  # after i18n (-100) has switched the build to its language
def on_config(config: Any) -> Any:
    """Load and validate content/ (cached), and name the site in the build's language."""
    content = _load(config)
    lang = mkdocs_i18n.current_language(config)
    # Escaped: Material prints them unescaped, in text and in attributes (theme_text).
    config.site_name = theme_text(content.site.name.get(lang))
    config.site_description = theme_text(content.site.description.get(lang))
    config.nav = navigation(content, lang)
    return config


def on_pre_build(config: Any) -> None:
    """Write the pages and drawings into docs/ (only changed ones); report overdue reviews."""
    content = _load(config)
    templates = Path(config.theme.custom_dir) / "content"
    code = _template_code(config)
    files = _cache.rendered(
        content,
        templates,
        lambda: {
            **render_site(content, templates, date.today(), code),
            **render_figures(content, templates, code),
        },
    )
    written, deleted = write_tree(Path(config.docs_dir), files)
    if written or deleted:
        log.info(f"Generated files: {written} written, {deleted} removed, {len(files)} in all")
    if _cache.first_report(content):
        for notice in _cache.overdue(content, date.today()):
            log.info(f"REVIEW OVERDUE: {notice}")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Mark the page's title and description, written escaped into its front matter, as safe."""
    mark_escaped(page.meta)
    return markdown


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Give the theme templates the warning banners of the build's language."""
    content = _load(config)
    lang = mkdocs_i18n.current_language(config)
    env.globals["patientsite"] = {"banners": banners(content, lang)}
    return env


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild on changes to the sources only (not to the pages written into docs/), sooner."""
    mkdocs_serve.watch_sources_only(server, Path(config.docs_dir))
    return server

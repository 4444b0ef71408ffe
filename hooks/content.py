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
from patientsite.loader import LISTING
from patientsite.render import (
    home_programme,
    language_prefix,
    render_figures,
    render_site,
    source_name,
    targets,
    write_tree,
)
from patientsite.theme_text import mark_escaped, theme_text

log = logging.getLogger("mkdocs.hooks.content")


@event_priority(-110)  # after i18n (-100) has switched the build to its language
def on_config(config: Any) -> Any:
    """Load and validate content/ (cached), and name the site in the build's language."""
    content = _load(config)
    lang = mkdocs_i18n.current_language(config)
    default = content.languages[0].code
    # Escaped: Material prints them unescaped, in text and in attributes (theme_text).
    config.site_name = theme_text(content.site.name.get(lang))
    config.site_description = theme_text(content.site.description.get(lang))
    config.nav = navigation(content, default, lang)
    return config


def navigation(content: Any, default: str, lang: str) -> list[Any]:
    """The pages of site.yaml in order (exercise pages are reached from their index page).

    With several programmes: the page listing them, then a section per programme with its
    pages, then the shared pages (such as the exercises)."""
    shown = [t for t in targets(content) if t.exercise is None]
    in_nav = {page.template for page in content.site.pages if page.nav}
    if not content.several:
        return [source_name(t.path, default, default) for t in shown if t.template in in_nav]
    nav: list[Any] = [source_name(t.path, default, default) for t in shown if t.template == LISTING]
    for programme in content.programmes.values():
        pages = [
            source_name(t.path, default, default)
            for t in shown
            if t.programme == programme.id and t.template in in_nav
        ]
        title = theme_text(programme.programme.name.get(lang))
        nav.append({str(title): pages})
    nav += [
        source_name(t.path, default, default)
        for t in shown
        if t.programme is None and t.template in in_nav and t.template != LISTING
    ]
    return nav


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
    """Give the theme templates the interface words of the build's language."""
    content = _load(config)
    lang = mkdocs_i18n.current_language(config)
    labels = content.site.labels
    prefix = language_prefix(content, lang)
    warning_pages = {t.programme: t.path for t in targets(content) if t.template == "warning_signs"}
    link = theme_text(labels.warning_banner_link.get(lang))
    # Each programme's pages warn with its banner and link to its warning signs; shared pages
    # (the exercises) with the site's banner and the first programme's.
    banners = {
        programme.id: {
            "text": theme_text(
                (programme.programme.warning_banner or labels.warning_banner).get(lang)
            ),
            "link": link,
            "path": prefix + warning_pages[programme.id],
        }
        for programme in content.programmes.values()
    }
    banners[""] = {
        "text": theme_text(labels.warning_banner.get(lang)),
        "link": link,
        "path": prefix + warning_pages[home_programme(content)],
    }
    env.globals["patientsite"] = {"banners": banners}
    return env


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild on changes to the sources only (not to the pages written into docs/), sooner."""
    mkdocs_serve.watch_sources_only(server, Path(config.docs_dir))
    return server

"""What the theme shows around every page: the navigation and the warning banner.

Worked out from the content here, once per language; hooks/content.py hands them to MkDocs.
"""

from __future__ import annotations

from typing import Any

from patientsite.loader import LISTING, Content
from patientsite.render import home_programme, language_prefix, source_name, targets
from patientsite.theme_text import theme_text


def navigation(content: Content, lang: str) -> list[Any]:
    """The pages of site.yaml in order (exercise pages are reached from their index page).

    With several programmes: the page listing them, then a section per programme with its
    pages, then the shared pages (such as the exercises)."""
    default = content.languages[0].code
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


def banners(content: Content, lang: str) -> dict[str, dict[str, Any]]:
    """The warning banner by programme id ('' for shared pages): its words and where it links.

    Each programme's pages warn with its banner and link to its warning signs; shared pages
    (the exercises) with the site's banner and the warning signs of the first programme."""
    labels = content.site.labels
    prefix = language_prefix(content, lang)
    warning_pages = {t.programme: t.path for t in targets(content) if t.template == "warning_signs"}
    link = theme_text(labels.warning_banner_link.get(lang))
    out = {
        programme.id: {
            "text": theme_text(
                (programme.programme.warning_banner or labels.warning_banner).get(lang)
            ),
            "link": link,
            "path": prefix + warning_pages[programme.id],
        }
        for programme in content.programmes.values()
    }
    out[""] = {
        "text": theme_text(labels.warning_banner.get(lang)),
        "link": link,
        "path": prefix + warning_pages[home_programme(content)],
    }
    return out

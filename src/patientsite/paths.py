"""Where things live on the site: one function per rule, so each rule is written once.

- Languages: the default language at the site root, each other language under `<lang>/`.
- Programmes: with one programme its pages are where they always were; with several, each
  programme's pages live under `<programme id>/` (the site's home page then lists them).
- Downloads: `downloads/leaflet-<lang>.pdf`, with the programme's id in the name once there
  are several (`leaflet-<programme>-<lang>.pdf`); the same for the large-print booklet.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

DOWNLOADS = "downloads"
FIGURES = "figures"  # below the site root: every exercise's drawings, shared by the languages


def language_prefix(lang: str, default: str) -> str:
    """Where a language's pages live below the site root: '' for the default, '<lang>/' else."""
    return "" if lang == default else f"{lang}/"


def programme_prefix(programme: str | None, programmes: Sequence[str]) -> str:
    """Where a programme's pages live below a language root: '' if it is the only one."""
    return f"{programme}/" if programme is not None and len(programmes) > 1 else ""


def source_name(path: str, lang: str, default: str) -> str:
    """The docs-relative Markdown file of a page path, with the i18n suffix if needed."""
    suffix = "" if lang == default else f".{lang}"
    return f"{path}index{suffix}.md"


def web_address(site_url: str, lang: str, default: str) -> str:
    """The address of a language's home page."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + language_prefix(lang, default)


def _download(what: str, programme: str, programmes: Sequence[str], lang: str) -> str:
    named = f"{programme}-" if len(programmes) > 1 else ""
    return posixpath.join(DOWNLOADS, f"{what}-{named}{lang}.pdf")


def leaflet_path(programme: str, programmes: Sequence[str], lang: str) -> str:
    """A programme's tri-fold leaflet in one language, relative to the site root."""
    return _download("leaflet", programme, programmes, lang)


def booklet_path(programme: str, programmes: Sequence[str], lang: str) -> str:
    """A programme's large-print booklet in one language, relative to the site root."""
    return _download("large-print", programme, programmes, lang)

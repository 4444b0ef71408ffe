"""Text direction: every page and printed document says it, and site.css mirrors by itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from patientsite.adapters.direction import mark_root
from patientsite.leaflet import render_html
from patientsite.loader import Content
from tests.conftest import ROOT, Build

SITE_CSS = ROOT / "docs" / "assets" / "stylesheets" / "site.css"
# Declarations that may name a physical side, each with the reason. None today: the
# navigation drawer's transform (which has no logical form) is written once per [dir].
ALLOWED_PHYSICAL: dict[str, str] = {}
ROOT_TAG = re.compile(r"<html\b[^>]*>")


def physical_sides(css: str) -> list[str]:
    """Every declaration of a stylesheet that names left or right (comments left out)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    declarations = re.findall(r"[a-z-]+\s*:[^;{}]*", css)
    return [
        " ".join(d.split())
        for d in declarations
        if re.search(r"\b(left|right)\b|-(left|right)\b", d)
        and " ".join(d.split()) not in ALLOWED_PHYSICAL
    ]


def test_site_css_names_no_physical_side() -> None:
    assert physical_sides(SITE_CSS.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "css",
    [
        "a { margin-left: 0 }",
        "a { padding: 0; text-align: right; }",
        "a::before { position: absolute; left: 0.2em }",
        "a { border-right: 1px solid }",
        "a { float: left }",
    ],
)
def test_the_css_check_finds_a_physical_side(css: str) -> None:
    assert len(physical_sides(css)) == 1


def test_the_css_check_leaves_logical_properties_and_comments_alone() -> None:
    css = "/* left */ a { margin-inline-start: 0; text-align: start; inset-inline-end: 0 }"
    assert physical_sides(css) == []


def test_the_root_element_gets_the_direction() -> None:
    page = '<!doctype html>\n<html lang="ar" class="no-js">\n<head></head>'
    marked = mark_root(page, "rtl")
    assert marked == '<!doctype html>\n<html dir="rtl" lang="ar" class="no-js">\n<head></head>'
    assert mark_root(marked, "rtl") == marked


def test_a_page_not_written_by_material_is_left_as_it_is() -> None:
    assert mark_root("<p>no document</p>", "rtl") == "<p>no document</p>"


def test_every_built_page_has_its_direction_on_root_and_body(built: Build) -> None:
    wrong = []
    pages = sorted(built.site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        root = ROOT_TAG.search(html)
        body = re.search(r"<body\b[^>]*>", html)
        if not root or 'dir="ltr"' not in root.group(0) or not body or 'dir="ltr"' not in body[0]:
            wrong.append(str(path.relative_to(built.site)))
    assert len(pages) > 30
    assert wrong == []


@pytest.mark.parametrize("template", ["leaflet.html", "booklet.html"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_printed_documents_say_their_language_and_direction(
    content: Content, template: str, lang: str
) -> None:
    html = render_html(
        content, lang, ROOT / "overrides" / "leaflet", "https://example.test/", template=template
    )
    root = ROOT_TAG.search(html)
    assert root is not None and root.group(0) == f'<html lang="{lang}" dir="ltr">'


def test_material_still_writes_the_root_element_this_relies_on() -> None:
    import material

    base = Path(material.__file__).parent / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    assert '<!doctype html>\n<html lang="{{ lang.t(\'language\') }}" class="no-js">' in text
    assert '<body dir="{{ direction }}"' in text
    assert 'direction = config.theme.direction or lang.t("direction")' in text

"""Clear print, measured from the laid-out boxes: every text of both formats, both languages."""

from __future__ import annotations

from typing import Any

import pytest

from patientsite.leaflet import render_document, render_html
from patientsite.loader import Content
from tests.conftest import ROOT

TEMPLATES = ROOT / "overrides" / "leaflet"
# The smallest size of text in points; the tri-fold's web address and review date may be 11.
MINIMUM = {"leaflet.html": 12.0, "booklet.html": 16.0}
SMALL_ALLOWED = {"leaflet.html": ({"url", "review"}, 11.0)}
CONTRAST = 7.0  # against the white paper (WCAG AAA)


def luminance(color: Any) -> float:
    """Relative luminance of a colour (WCAG 2)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in color.to("srgb").coordinates)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def text_boxes(template: str, lang: str, content: Content) -> list[Any]:
    """Every text box of one printed document as WeasyPrint lays it out."""
    html = render_html(content, lang, TEMPLATES, "https://example.test/", template=template)
    document = render_document(html, TEMPLATES)
    return [
        box
        for page in document.pages
        for box in page._page_box.descendants()
        if type(box).__name__ == "TextBox" and box.text.strip()
    ]


def _classes(box: Any) -> set[str]:
    return set((box.element.get("class") or "").split()) if box.element is not None else set()


def minimum_for(template: str, box: Any) -> float:
    """The smallest size this box's text may have."""
    allowed, size = SMALL_ALLOWED.get(template, (set(), MINIMUM[template]))
    return size if _classes(box) & allowed else MINIMUM[template]


@pytest.fixture(
    scope="module",
    params=[(t, lang) for t in MINIMUM for lang in ("da", "en")],
    ids=lambda p: f"{p[0].removesuffix('.html')}-{p[1]}",
)
def boxes(request: pytest.FixtureRequest, content: Content) -> tuple[str, list[Any]]:
    """One format and language, and its text boxes."""
    template, lang = request.param
    return template, text_boxes(template, lang, content)


def test_every_text_is_at_least_its_minimum_size(boxes: tuple[str, list[Any]]) -> None:
    template, found = boxes
    assert found
    too_small = sorted(
        {
            (round(box.style["font_size"] * 72 / 96, 2), box.text.strip()[:30])
            for box in found
            if box.style["font_size"] * 72 / 96 < minimum_for(template, box) - 0.01
        }
    )
    assert too_small == []


def test_every_text_contrasts_at_least_seven_to_one_with_the_paper(
    boxes: tuple[str, list[Any]],
) -> None:
    _, found = boxes
    weak = sorted(
        {
            (round(1.05 / (luminance(box.style["color"]) + 0.05), 2), box.text.strip()[:30])
            for box in found
            if 1.05 / (luminance(box.style["color"]) + 0.05) < CONTRAST
        }
    )
    assert weak == []


def test_the_line_height_of_the_tri_fold_is_about_one_and_four_tenths(content: Content) -> None:
    found = text_boxes("leaflet.html", "da", content)
    """Body text at 1.4 times its size; headings, larger, a little tighter (1.15 at least)."""
    body = {
        round(float(box.style["line_height"]), 2)
        for box in found
        if box.element_tag.split(":")[0] not in {"h1", "h2", "h3"}
        and "start__phone" not in _classes(box)
    }
    headings = {
        round(float(box.style["line_height"]), 2)
        for box in found
        if box.element_tag.split(":")[0] in {"h1", "h2", "h3"}
    }
    assert body == {1.4}
    assert min(headings) >= 1.15

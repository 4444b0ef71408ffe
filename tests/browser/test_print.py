"""Printing the warning signs and an exercise gives clean pages: content only, cards whole.

Chromium prints each page to PDF (as "Save as PDF" does); pypdf reads the text of each
printed sheet back, so a card split over two sheets is seen as such.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext
from pypdf import PdfReader

from tests.browser.conftest import PAGES, Served
from tests.browser.site import DESKTOP, SitePage, Viewport

# Everything around the content: banner, header, navigation, search, table of contents,
# footer, "back to top", skip link.
CHROME = [
    ".md-banner",
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".md-skip",
]
# Blocks that must not be split over two sheets.
WHOLE = ".ps-card, .ps-stop"

SHOWN = """
(selectors) => selectors.flatMap((s) => [...document.querySelectorAll(s)]
  .filter((e) => e.checkVisibility({ visibilityProperty: true }))
  .map((e) => s))
"""
LINKS_WITHOUT_ADDRESS = """
() => [...document.querySelectorAll(".md-content a[href^='http']")]
  .filter((a) => !getComputedStyle(a, "::after").content.includes(a.getAttribute("href")))
  .map((a) => a.getAttribute("href"))
"""
BLOCKS = """
(selector) => [...document.querySelectorAll(selector)].map((e) => {
  const lines = e.innerText.split("\\n").map((l) => l.trim()).filter((l) => l.length > 3);
  return [e.id || e.className, lines[0], lines[lines.length - 1]];
})
"""


def _printed() -> list[SitePage]:
    warning = [p for p in PAGES if p.template == "warning_signs"]
    exercise_path = next(p.path for p in PAGES if p.template == "exercise")
    return warning + [p for p in PAGES if p.path == exercise_path]


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("printed", _printed(), ids=[p.id for p in _printed()])
def test_a_printed_page_has_no_navigation_and_keeps_each_card_on_one_sheet(
    served: Served, context_at: Callable[[Viewport], BrowserContext], printed: SitePage
) -> None:
    tab = context_at(DESKTOP).new_page()
    try:
        tab.goto(served.url(printed), wait_until="networkidle")
        tab.emulate_media(media="print")
        shown = tab.evaluate(SHOWN, CHROME)
        assert not shown, f"{printed.id}: printed with {sorted(set(shown))}"
        bare = tab.evaluate(LINKS_WITHOUT_ADDRESS)
        assert not bare, f"{printed.id}: printed links without their address: {bare}"
        blocks = tab.evaluate(BLOCKS, WHOLE)
        pdf = tab.pdf(format="A4", print_background=True)
    finally:
        tab.close()
    sheets = [_squeeze(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]
    problems = []
    for name, first, last in blocks:
        on = [n for n, text in enumerate(sheets, 1) if _squeeze(first)[:30] in text]
        ends = [n for n, text in enumerate(sheets, 1) if _squeeze(last)[-30:] in text]
        if not on or not ends:
            problems.append(f"{name}: not found in the printed text ({first!r} … {last!r})")
        elif not any(n == on[0] for n in ends):
            later = min((n for n in ends if n > on[0]), default=ends[-1])
            problems.append(f"{name}: split over sheets {on[0]} to {later}")
    assert not problems, f"{printed.id} ({len(sheets)} sheets):\n" + "\n".join(problems)
    assert len(sheets) >= 1

"""Search finds pages in the language being read, and a result opens the page it names."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from patientsite.inline import render_plain
from patientsite.loader import Content
from patientsite.render import targets
from tests.browser.conftest import PAGES, Served
from tests.browser.site import PHONE, SitePage, Viewport

LANGUAGES = sorted({p.lang for p in PAGES})


def _search(tab: Page, words: str) -> list[tuple[str, str]]:
    """Open the search as a reader does, type, and return (address, title) of each result."""
    tab.click('label.md-header__button[for="__search"]')
    tab.keyboard.type(words, delay=20)
    tab.wait_for_selector(".md-search-result__item", timeout=10_000)
    found = tab.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => [a.href, a.querySelector('h1, h2').innerText.trim()])",
    )
    return [(str(url), str(title)) for url, title in found]


def _home(served: Served, lang: str) -> SitePage:
    return next(p for p in PAGES if p.lang == lang and p.path == "")


def _in_language(served: Served, url: str, lang: str) -> bool:
    """True when an address lies in that language's part of the site."""
    path = url.removeprefix(served.base_url.rstrip("/"))
    prefixes = [f"/{p.lang}/" for p in PAGES if p.prefix]
    if lang == served.default:
        return not path.startswith(tuple(prefixes))
    return path.startswith(f"/{lang}/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_searching_a_page_title_finds_only_pages_in_that_language_and_opens_the_page(
    served: Served, context_at: Callable[[Viewport], BrowserContext], content: Content, lang: str
) -> None:
    exercise = next(t for t in targets(content) if t.template == "exercise")
    name = render_plain(exercise.title.get(lang))
    page = next(p for p in PAGES if p.lang == lang and p.path == exercise.path)
    tab = context_at(PHONE).new_page()
    try:
        tab.goto(served.url(_home(served, lang)), wait_until="networkidle")
        results = _search(tab, name)
        wrong = [url for url, _ in results if not _in_language(served, url, lang)]
        assert not wrong, f"searching {name!r} in {lang} found pages in another language: {wrong}"
        titles = [title for _, title in results]
        assert name in titles, f"searching {name!r} in {lang} found {titles}"
        links = tab.locator(".md-search-result__item > .md-search-result__link")
        links.nth(titles.index(name)).click()
        tab.wait_for_load_state()
        opened = tab.url.split("?")[0]  # Material adds ?h=<words> to highlight them
        assert opened == served.url(page), f"the result for {name!r} opened {tab.url}"
        assert tab.inner_text("h1").strip() == name
        assert tab.get_attribute("html", "lang") == lang
    finally:
        tab.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_word_used_in_every_language_finds_only_pages_in_the_language_read(
    served: Served, context_at: Callable[[Viewport], BrowserContext], content: Content, lang: str
) -> None:
    word = content.clinic.name  # a name: the same in every language
    tab = context_at(PHONE).new_page()
    try:
        tab.goto(served.url(_home(served, lang)), wait_until="networkidle")
        results = _search(tab, word)
        assert results, f"searching {word!r} in {lang} found nothing"
        wrong = [url for url, _ in results if not _in_language(served, url, lang)]
        assert not wrong, f"searching {word!r} in {lang} found pages in another language: {wrong}"
    finally:
        tab.close()

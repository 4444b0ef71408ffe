"""On every page the language switcher leads to the same page in the other language, and back."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page

from tests.browser.conftest import PAGES, Served
from tests.browser.site import PHONE, SitePage, Viewport

LANGUAGES = sorted({p.lang for p in PAGES})


def _switch(tab: Page, lang: str) -> tuple[str, bool]:
    """Choose a language with the switcher; the address it led to, and whether it redirected."""
    tab.click(".md-select > button")  # opens the list, as a tap does
    with tab.expect_navigation() as navigation:
        tab.click(f'.md-select__link[hreflang="{lang}"]')
    response = navigation.value
    redirected = response is not None and response.request.redirected_from is not None
    tab.wait_for_load_state()
    return tab.url, redirected


def test_the_switcher_leads_to_the_same_page_in_the_other_language_and_back(
    served: Served, context_at: Callable[[Viewport], BrowserContext], site_page: SitePage
) -> None:
    tab = context_at(PHONE).new_page()
    try:
        tab.goto(served.url(site_page))
        for other in (lang for lang in LANGUAGES if lang != site_page.lang):
            if site_page.is_404:
                # A 404 page has no counterpart: its switcher leads to each language's home.
                expected = served.url(
                    SitePage(other, "", site_page.in_language(other, served.default).prefix, "home")
                )
            else:
                expected = served.url(site_page.in_language(other, served.default))
            url, redirected = _switch(tab, other)
            assert url == expected, f"{site_page.id} -> {other}: {url}, expected {expected}"
            assert not redirected, f"{site_page.id} -> {other}: reached only through a redirect"
            assert tab.get_attribute("html", "lang") == other
            if site_page.is_404:
                continue
            back = tab.get_attribute(f'link[rel="alternate"][hreflang="{site_page.lang}"]', "href")
            assert back == served.url(site_page), f"{url} names {back} as its {site_page.lang} page"
            url, redirected = _switch(tab, site_page.lang)
            assert url == served.url(site_page), f"{site_page.id} -> {other} -> back: {url}"
            assert not redirected, f"{site_page.id} -> {other} -> back: through a redirect"
            assert tab.get_attribute("html", "lang") == site_page.lang
    finally:
        tab.close()

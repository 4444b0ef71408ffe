"""On every page the language switcher leads to the same page in the other language, and back.

Recorded during each page's visit at phone width: the switcher is opened as a tap opens it,
each other language chosen in turn; every step must arrive without a redirect. The way
back is the same check on the page in the other language, which is visited too.
"""

from __future__ import annotations

from tests.browser.conftest import PAGES, Served
from tests.browser.site import PHONE, SitePage, Viewport, Visit

LANGUAGES = sorted({p.lang for p in PAGES})


def test_the_switcher_leads_to_the_same_page_in_the_other_language(
    served: Served, visits: dict[tuple[SitePage, Viewport], Visit], site_page: SitePage
) -> None:
    visit = visits[(site_page, PHONE)]
    assert not visit.error, f"{site_page.id}: the page could not be checked:\n{visit.error}"
    expected = []
    for other in (lang for lang in LANGUAGES if lang != site_page.lang):
        there = site_page.in_language(other, served.default)
        if site_page.is_404:
            # A 404 page has no counterpart: its switcher leads to that language's home page.
            expected.append(f"{other} {served.url(there.home())} lang={other}")
            continue
        expected.append(f"{other} {served.url(there)} lang={other}")
    assert visit.switches == expected, f"{site_page.id}: the switcher led to {visit.switches}"

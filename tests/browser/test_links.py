"""Every link and anchor of every page leads somewhere, PDFs included; each language has a 404 page.

The links are those the browser sees in each page (and its hreflang alternates); each
address on the site is fetched once, without following redirects, and each #anchor is
looked up in the page it points to. Links to other hosts are not fetched (no network).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Response, Route

from tests.browser.conftest import PAGES, Served
from tests.browser.site import DESKTOP, PHONE, SitePage, Viewport, Visit


@dataclass
class Fetched:
    status: int
    content_type: str = ""
    body: bytes = b""
    ids: set[str] = field(default_factory=set)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a link that only works through a redirect is reported


@pytest.fixture(scope="session")
def fetch() -> Callable[[str], Fetched]:
    """Fetch an address of the local site once."""
    opener = urllib.request.build_opener(_NoRedirects)
    cache: dict[str, Fetched] = {}

    def get(url: str) -> Fetched:
        if url not in cache:
            try:
                with opener.open(url, timeout=10) as response:
                    body = response.read()
                    fetched = Fetched(response.status, response.headers.get_content_type(), body)
            except urllib.error.HTTPError as error:
                fetched = Fetched(error.code)
            if fetched.content_type == "text/html":
                parser = _Ids()
                parser.feed(fetched.body.decode("utf-8"))
                fetched.ids = parser.ids
            cache[url] = fetched
        return cache[url]

    return get


def test_every_link_and_anchor_resolves(
    site_page: SitePage,
    visits: dict[tuple[SitePage, Viewport], Visit],
    fetch: Callable[[str], Fetched],
) -> None:
    visit = visits[(site_page, DESKTOP)]
    assert not visit.error, f"{site_page.id}: the page could not be checked:\n{visit.error}"
    own = urlsplit(visit.url).netloc
    broken = []
    for link in sorted(set(visit.links)):
        parts = urlsplit(link)
        if parts.scheme not in {"http", "https"} or parts.netloc != own:
            continue  # tel:, mailto: and other hosts
        address = link.split("#")[0]
        fetched = fetch(address)
        if fetched.status != 200:
            broken.append(f"{link}: HTTP {fetched.status}")
        elif address.endswith(".pdf") and (
            fetched.content_type != "application/pdf" or not fetched.body.startswith(b"%PDF")
        ):
            broken.append(f"{link}: not a PDF ({fetched.content_type})")
        elif parts.fragment and unquote(parts.fragment) not in fetched.ids:
            broken.append(f"{link}: no element with id {parts.fragment!r}")
    assert not broken, f"{site_page.id}: broken links:\n" + "\n".join(broken)


LANGUAGES = sorted({p.lang for p in PAGES})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_shows_the_404_page_of_its_language(
    served: Served, context_at: Callable[[Viewport], BrowserContext], lang: str
) -> None:
    """A host serves `<lang>/404.html` for a missing address under `/<lang>/` (the default
    language's 404.html elsewhere). Simulated here, as the local server has no such rule."""
    prefix = "" if lang == served.default else f"{lang}/"
    not_found = (served.site / prefix / "404.html").read_bytes()
    missing = f"{served.base_url}{prefix}no/such/page/"

    def answer(route: Route) -> None:
        route.fulfill(status=404, body=not_found, content_type="text/html; charset=utf-8")

    tab = context_at(PHONE).new_page()
    failed: list[str] = []

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.url != missing:
            failed.append(f"{response.status} {response.url}")

    tab.on("response", on_response)
    try:
        tab.route(missing, answer)
        response = tab.goto(missing, wait_until="networkidle")
        assert response is not None and response.status == 404
        assert tab.get_attribute("html", "lang") == lang
        assert not failed, f"{lang}: the 404 page loads nothing from that depth: {failed}"
        # Styled (the site's stylesheet applies) and with working links back into the site.
        header = tab.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
        assert header != "rgba(0, 0, 0, 0)", "the 404 page is unstyled"
        home = tab.locator(".md-content a").first
        home.click()
        tab.wait_for_load_state()
        assert tab.url == f"{served.base_url}{prefix}", tab.url
    finally:
        tab.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_404_pages_speak_their_own_language(served: Served, lang: str) -> None:
    prefix = "" if lang == served.default else f"{lang}/"
    texts = {
        code: (served.site / ("" if code == served.default else f"{code}/") / "404.html").read_text(
            encoding="utf-8"
        )
        for code in LANGUAGES
    }
    page = texts[lang]
    html = page[page.index("<html") : page.index(">", page.index("<html"))]
    assert f'lang="{lang}"' in html and 'dir="ltr"' in html
    h1 = page.split("<h1", 1)[1].split("</h1>", 1)[0]
    others = [texts[c].split("<h1", 1)[1].split("</h1>", 1)[0] for c in LANGUAGES if c != lang]
    assert all(h1 != other for other in others), f"{prefix}404.html has the heading of another"

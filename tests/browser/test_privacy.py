"""No page asks another host for anything, and each sets a policy that forbids it.

The browser records every request while a page loads and runs (search included); a
Content-Security-Policy in every page lets the browser refuse anything from elsewhere.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from tests.browser.conftest import Served
from tests.browser.site import SitePage, Visit

# Sources a policy may name: this site, nothing, or data held in the page or its CSS.
OWN_SOURCES = {"'self'", "'none'", "data:"}


def test_every_request_goes_to_the_site_itself(visited: Visit) -> None:
    own = urlsplit(visited.url).netloc
    foreign = [
        url
        for url in visited.requests
        if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).netloc != own
    ]
    assert not foreign, f"{visited.id}: requests to other hosts:\n" + "\n".join(foreign)


def test_nothing_fails_or_is_refused(visited: Visit) -> None:
    problems = [f"HTTP {failed}" for failed in visited.failed]
    problems += [f"console error: {text}" for text in visited.console_errors]
    problems += [f"script error: {text}" for text in visited.page_errors]
    problems += [f"refused by the Content-Security-Policy: {v}" for v in visited.csp_violations]
    assert not problems, f"{visited.id}:\n" + "\n".join(problems)


class _Head(HTMLParser):
    """The policies of a page, and what its head loads, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.order: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "meta" and attr.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(attr.get("content", ""))
            self.order.append("policy")
        elif tag in {"script", "style"} or (tag == "link" and attr.get("rel") == "stylesheet"):
            self.order.append(tag)


def test_every_page_sets_a_policy_that_forbids_other_hosts(
    served: Served, site_page: SitePage
) -> None:
    head = _Head()
    head.feed(served.file(site_page).read_text(encoding="utf-8"))
    assert len(head.policies) == 1, f"{site_page.id}: {len(head.policies)} policies"
    assert head.order[0] == "policy", f"{site_page.id}: the policy comes after {head.order[0]}"
    directives = {
        name: sources
        for name, *sources in (part.split() for part in head.policies[0].split(";") if part.strip())
    }
    assert directives.get("default-src") == ["'self'"], directives
    assert directives.get("object-src") == ["'none'"], directives
    assert "base-uri" in directives, directives
    for name, sources in directives.items():
        other = [s for s in sources if s not in OWN_SOURCES]
        assert not other, f"{site_page.id}: {name} allows {other}"
    for name in ("script-src", "style-src"):
        assert not re.search(r"unsafe", " ".join(directives.get(name, []))), (name, directives)

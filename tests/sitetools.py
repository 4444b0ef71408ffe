"""Helpers to read a built site: links, resources and text of its pages."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class PageInfo:
    """What a test needs to know about one HTML page."""

    lang: str = ""
    title: str = ""
    h1: str = ""
    links: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.info.lang = attr.get("lang", "")
        if tag == "a" and "href" in attr:
            self.info.links.append((attr["href"], attr))
        if tag == "link" and "href" in attr:
            rel = attr.get("rel", "")
            if rel in {"stylesheet", "icon", "preload", "modulepreload", "manifest"}:
                self.info.resources.append(attr["href"])
            else:
                self.info.links.append((attr["href"], attr))
        for name in ("src", "srcset", "poster", "data"):
            if name in attr and tag in {
                "script",
                "img",
                "iframe",
                "source",
                "video",
                "audio",
                "embed",
                "object",
                "track",
            }:
                self.info.resources.append(attr[name])
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "title" in self._in[-1:]:
            self.info.title += data
        if "h1" in self._in:
            self.info.h1 += data


def read_page(path: Path) -> PageInfo:
    """Parse one built HTML file."""
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    info = parser.info
    info.h1 = " ".join(info.h1.split())
    return info


OWN_URL = "https://example.test/"  # the SITE_URL tests build with (tests/conftest.py)


def resolve(site: Path, page: Path, href: str) -> Path | None:
    """The file an href of page points to (relative, root-relative or on the site's own
    address), or None if it is on another host."""
    if href.startswith(OWN_URL):
        href = "/" + href[len(OWN_URL) :]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        target = parts.path.lstrip("/")
    else:
        here = page.parent.relative_to(site).as_posix()
        target = posixpath.normpath(posixpath.join(here, parts.path or page.name))
    candidate = site / target
    if candidate.is_dir() or href.endswith("/") or not candidate.suffix:
        candidate = candidate / "index.html"
    return candidate

"""Bytes a browser transfers (gzip) on the first load of a page, and what blocks rendering.

The resources are read from the built HTML the way a browser finds them: stylesheets,
scripts, icons and images in the page, `url(...)` and `@import` in its stylesheets, and what
Material's scripts fetch at once: the search worker, the search index it names in
`__config` and the lunr language files the worker imports for the index's languages.
`browser_requests` lists what Chromium really fetches, to check that list.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import posixpath
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_theme_dir

from benchmarks.timing import free_port, wait_for

ORIGIN = "http://site.test/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KINDS = {
    ".css": "css",
    ".js": "js",
    ".json": "data",
    ".woff2": "font",
    ".woff": "font",
    ".ttf": "font",
    ".otf": "font",
    ".svg": "image",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".webp": "image",
    ".ico": "image",
    ".html": "html",
}


@dataclass
class Weight:
    """One page's first load."""

    path: str
    gzip_bytes: dict[str, int] = field(default_factory=dict)  # per site-relative file
    blocking: list[str] = field(default_factory=list)  # render-blocking, Material's own files aside

    @property
    def total(self) -> int:
        """Bytes transferred in all."""
        return sum(self.gzip_bytes.values())

    def by_kind(self) -> dict[str, int]:
        """Bytes per kind of resource (html, css, js, data, font, image)."""
        kinds: dict[str, int] = {}
        for name, size in self.gzip_bytes.items():
            kind = "html" if name.endswith("/") or not name else kind_of(name)
            kinds[kind] = kinds.get(kind, 0) + size
        return kinds


def kind_of(name: str) -> str:
    """html, css, js, data, font, image or other, from a file name."""
    return KINDS.get(posixpath.splitext(name)[1].lower(), "other")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetched: list[str] = []
        self.blocking: list[str] = []
        self.config = ""
        self._in_head = False
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        rel = set(attr.get("rel", "").lower().split())
        if tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = False
        if tag == "link" and attr.get("href") and rel & {"stylesheet", "icon", "preload"}:
            self.fetched.append(attr["href"])
            media = attr.get("media", "all").strip().lower()
            if "stylesheet" in rel and self._in_head and media in {"", "all", "screen"}:
                self.blocking.append(attr["href"])
        elif tag == "script" and attr.get("src"):
            self.fetched.append(attr["src"])
            waits = "async" in attr or "defer" in attr or attr.get("type") == "module"
            if self._in_head and not waits:
                self.blocking.append(attr["src"])
        elif tag == "script" and attr.get("id") == "__config":
            self._in_config = True
        elif tag == "img" and attr.get("src"):
            self.fetched.append(attr["src"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


def _site_path(url: str) -> str | None:
    """The site-relative path of a URL on the site ('' for the home page), None elsewhere."""
    if not url.startswith(ORIGIN):
        return None
    return urlsplit(url).path[1:]


def _file(site: Path, path: str) -> Path:
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def static_requests(site: Path, page: str) -> tuple[list[str], list[str]]:
    """Site-relative paths a first load of page fetches, and those that block rendering."""
    page_url = urljoin(ORIGIN, page)
    parser = _Page()
    parser.feed(_file(site, page).read_text(encoding="utf-8"))
    seen: list[str] = [page]
    queue = [urljoin(page_url, href) for href in parser.fetched]
    if parser.config:
        config = json.loads(parser.config)
        if config.get("search"):
            worker = urljoin(page_url, config["search"])
            index = urljoin(urljoin(page_url, config["base"] + "/"), "search/search_index.json")
            queue += [worker, index]
            queue += _lunr_files(site, worker, index)
    while queue:
        url = queue.pop(0)
        path = _site_path(url.split("#")[0].split("?")[0])
        if path is None or path in seen or url.startswith("data:"):
            continue
        seen.append(path)
        if kind_of(path) == "css" and _file(site, path).is_file():
            css = _file(site, path).read_text(encoding="utf-8")
            for match in _CSS_URL.finditer(css):
                ref = match.group(2) or match.group(4)
                if not ref.startswith("data:"):
                    queue.append(urljoin(url, ref))
    blocking = [p for p in (_site_path(urljoin(page_url, h)) for h in parser.blocking) if p]
    return seen, blocking


def _lunr_files(site: Path, worker: str, index: str) -> list[str]:
    """The language files Material's search worker imports for the index's languages."""
    path = _site_path(index)
    if path is None or not _file(site, path).is_file():
        return []
    langs = json.loads(_file(site, path).read_text(encoding="utf-8"))["config"]["lang"]
    base = urljoin(worker, "../lunr/")
    files = [urljoin(base, f"min/lunr.{lang}.min.js") for lang in langs if lang != "en"]
    if len(langs) > 1:
        files.append(urljoin(base, "min/lunr.multi.min.js"))
    if files:
        files.insert(0, urljoin(base, "min/lunr.stemmer.support.min.js"))
    return files


def theme_files() -> set[str]:
    """Paths of the theme's own assets (Material's templates folder), relative to its root."""
    root = Path(get_theme_dir("material"))
    return {p.relative_to(root).as_posix() for p in (root / "assets").rglob("*") if p.is_file()}


def weigh(site: Path, page: str, requests: list[str] | None = None) -> Weight:
    """Gzip bytes of each file a first load of page fetches (level 6, as web servers use)."""
    found, blocking = static_requests(site, page)
    weight = Weight(page)
    for path in requests if requests is not None else found:
        file = _file(site, path)
        if file.is_file():
            weight.gzip_bytes[path] = len(gzip.compress(file.read_bytes(), 6, mtime=0))
    theme = theme_files()
    weight.blocking = [p for p in blocking if p not in theme]
    return weight


def browser_available() -> bool:
    """True when Playwright is installed and Chromium is at /usr/bin/chromium."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).is_file()


@contextlib.contextmanager
def http_server(site: Path) -> Iterator[str]:
    """Serve site on a free local port for as long as the block runs; yields its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base, "<", limit=20)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def browser_requests(site: Path, pages: list[str]) -> dict[str, list[str]]:
    """Site-relative paths Chromium fetches on a first load of each page (fresh profile each)."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[str]] = {}
    with http_server(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page_path in pages:
                context = browser.new_context()
                tab = context.new_page()
                urls: list[str] = []
                tab.on("request", lambda request, urls=urls: urls.append(request.url))
                tab.goto(base + page_path, wait_until="networkidle")
                tab.wait_for_timeout(500)
                context.close()
                paths = [u[len(base) :].split("#")[0].split("?")[0] for u in urls]
                foreign = [u for u in urls if not u.startswith(base)]
                if foreign:
                    raise RuntimeError(f"{page_path}: requests to other hosts: {foreign}")
                found[page_path] = list(dict.fromkeys(paths))
        finally:
            browser.close()
    return found

"""Browser checks: the site built once, served on a free local port, and one Chromium for all.

`make test` installs what these need (Debian's Chromium, `npm ci` for vnu-jar, axe-core and
Lighthouse, and Python's playwright). Nothing here downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from tests.browser.lighthouse import audit
from tests.browser.site import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    LIGHTHOUSE_CLI,
    VIEWPORTS,
    VNU_JAR,
    SitePage,
    Viewport,
    Visit,
    default_language,
    site_pages,
)
from tests.browser.visit import visit_all
from tests.conftest import copy_project

PAGES = site_pages()
NOTES: list[str] = []  # lines for the end of the test report (Lighthouse scores, timings)


@dataclass
class Served:
    """The built site and the local address it is served at."""

    base_url: str
    site: Path
    default: str

    def url(self, page: SitePage) -> str:
        return self.base_url.rstrip("/") + page.url_path

    def file(self, page: SitePage) -> Path:
        name = page.path if page.path.endswith(".html") else page.path + "index.html"
        return self.site / page.prefix / name


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Name each case after its page and width, e.g. `da:/warning-signs/ @390`."""
    if "site_page" in metafunc.fixturenames:
        metafunc.parametrize("site_page", PAGES, ids=[p.id for p in PAGES])
    if "page_at" in metafunc.fixturenames:
        cases = [(page, viewport) for viewport in VIEWPORTS for page in PAGES]
        metafunc.parametrize("page_at", cases, ids=[f"{p.id} {v.id}" for p, v in cases])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if NOTES:
        terminalreporter.write_sep("-", "browser checks")
        for line in NOTES:
            terminalreporter.write_line(line)


def _require(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(f"{what} is missing ({path}); `make test` installs it", pytrace=False)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.fail(f"the local web server did not start on port {port}", pytrace=False)


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The project built with its address set to a free local port, and served there."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    project = copy_project(tmp_path_factory.mktemp("browser"))
    site = project / "site"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base_url},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    NOTES.append(f"site built for {base_url} in {time.monotonic() - started:.1f} s")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            "--bind",
            "127.0.0.1",
            str(port),
            "--directory",
            str(site),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, 10)
        yield Served(base_url, site, default_language())
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright, for the whole session."""
    _require(CHROMIUM, "Chromium (Debian package chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def context_at(browser: Browser) -> Iterator[Callable[[Viewport], BrowserContext]]:
    """One browser context per screen width, made when first needed."""
    contexts: dict[Viewport, BrowserContext] = {}

    def get(viewport: Viewport) -> BrowserContext:
        if viewport not in contexts:
            contexts[viewport] = browser.new_context(
                viewport={"width": viewport.width, "height": viewport.height},
                service_workers="block",
                # Material then drops its transitions: what is measured is where things end up.
                reduced_motion="reduce",
            )
        return contexts[viewport]

    yield get
    for context in contexts.values():
        context.close()


def audited_pages() -> list[SitePage]:
    """The pages Lighthouse audits: the home page and an exercise page in each language."""
    exercise_path = next(p.path for p in PAGES if p.template == "exercise")
    return [p for p in PAGES if p.path in {"", exercise_path}]


@pytest.fixture(scope="session")
def lighthouse(served: Served) -> Iterator[Future[dict[str, dict[str, Any]]]]:
    """Lighthouse's reports on the audited pages, made in a background thread."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing (Node.js 20 or newer)", pytrace=False)
    _require(LIGHTHOUSE_CLI, "Lighthouse (npm lighthouse)")
    _require(CHROMIUM, "Chromium (Debian package chromium)")
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield pool.submit(audit, node, [served.url(p) for p in audited_pages()])


@pytest.fixture(scope="session")
def visits(
    served: Served, request: pytest.FixtureRequest
) -> dict[tuple[SitePage, Viewport], Visit]:
    """Every page at every width, loaded once; every per-page check reads the same visit."""
    _require(AXE_JS, "axe-core (npm)")
    _require(CHROMIUM, "Chromium (Debian package chromium)")
    if any(item.path.name == "test_lighthouse.py" for item in request.session.items):
        request.getfixturevalue("lighthouse")  # starts the audits beside the visits
    started = time.monotonic()
    # In a thread of its own: the visits run on asyncio, the other checks on Playwright's
    # synchronous API, which has a loop of its own in this thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        done = pool.submit(visit_all, served.base_url, PAGES, VIEWPORTS).result()
    NOTES.append(
        f"{len(done)} page visits ({len(PAGES)} pages x {len(VIEWPORTS)} widths) "
        f"in {time.monotonic() - started:.0f} s"
    )
    return done


@pytest.fixture
def visited(
    page_at: tuple[SitePage, Viewport], visits: dict[tuple[SitePage, Viewport], Visit]
) -> Visit:
    """The visit of this test's page at this test's width."""
    visit = visits[page_at]
    assert not visit.error, f"{visit.id}: the page could not be checked:\n{visit.error}"
    return visit


@pytest.fixture(scope="session")
def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.fail("java is missing; `make test` installs it", pytrace=False)
    _require(VNU_JAR, "the W3C Nu HTML checker (npm vnu-jar)")
    return found

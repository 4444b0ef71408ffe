"""The pages and screen widths the browser checks visit, and what a visit of one page records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patientsite.loader import load_content
from patientsite.project import project_languages
from patientsite.render import targets
from tests.conftest import ROOT

# The axe-core rule sets the issue asks for: WCAG 2.0, 2.1 and 2.2 A and AA, and best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE_CLI = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags Chromium calls home (updates, sync, field trials).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class Viewport:
    """A screen size the pages are checked at."""

    width: int
    height: int

    @property
    def id(self) -> str:
        return f"@{self.width}"


PHONE = Viewport(390, 844)
DESKTOP = Viewport(1280, 900)
VIEWPORTS = [PHONE, DESKTOP]


@dataclass(frozen=True)
class SitePage:
    """One page of the built site in one language."""

    lang: str
    path: str  # below the language root: "" (home), "warning-signs/", "404.html"
    prefix: str  # the language root below the site root: "" or "en/"
    template: str  # the content template that made it, "404" for the not-found page

    @property
    def url_path(self) -> str:
        return f"/{self.prefix}{self.path}"

    @property
    def id(self) -> str:
        return f"{self.lang}:/{self.path}"

    @property
    def is_404(self) -> bool:
        return self.template == "404"

    def in_language(self, lang: str, default: str) -> SitePage:
        """The same page in another language."""
        return SitePage(lang, self.path, "" if lang == default else f"{lang}/", self.template)

    def home(self) -> SitePage:
        """The home page of this page's language."""
        return SitePage(self.lang, "", self.prefix, "home")


def site_pages() -> list[SitePage]:
    """Every page of both languages, as the content defines them, and each language's 404 page."""
    languages = project_languages(ROOT / "mkdocs.yml")
    content = load_content(ROOT / "content", languages, ROOT)
    default = languages[0].code
    pages: list[SitePage] = []
    for lang in languages:
        prefix = "" if lang.code == default else f"{lang.code}/"
        pages += [SitePage(lang.code, t.path, prefix, t.template) for t in targets(content)]
        pages.append(SitePage(lang.code, "404.html", prefix, "404"))
    return pages


def default_language() -> str:
    return project_languages(ROOT / "mkdocs.yml")[0].code


@dataclass
class Stop:
    """Where one press of Tab put the focus."""

    tab: str | None  # the data-ps-tab number of an element expected to be reached
    what: str  # tag, class, href and text of the element
    ring: bool  # a focus outline of at least 2 px is drawn
    seen: bool  # on screen and not entirely hidden by another element
    why: str = ""  # when not seen: what covers it, or where off screen it is


@dataclass
class Keyboard:
    """A walk through the page with Tab, from the top until the focus comes round again."""

    expected: dict[str, str] = field(default_factory=dict)  # data-ps-tab -> description
    kinds: dict[str, str] = field(default_factory=dict)  # data-ps-tab -> switcher/search/nav/link
    stops: list[Stop] = field(default_factory=list)
    skip: dict[str, Any] = field(default_factory=dict)  # what following the skip link did


@dataclass
class Visit:
    """What loading one page at one width recorded."""

    page: SitePage
    viewport: Viewport
    url: str
    status: int
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    axe: list[dict[str, Any]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    keyboard: Keyboard = field(default_factory=Keyboard)
    switches: list[str] = field(default_factory=list)  # "<lang> <address> lang=<html lang>"
    error: str = ""  # the visit itself failed (a timeout, a script that never got ready)

    @property
    def id(self) -> str:
        return f"{self.page.id} {self.viewport.id}"

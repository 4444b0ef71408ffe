"""Content texts that try to break out of HTML reach every page only as text.

The project is built once with injection strings in every text field that the theme or the
page templates print (site name and description, a page description, an exercise's name and
purpose, the clinic's name and opening hours), as far as the model allows them. Each page is
then parsed and compared with the clean build: no new element or attribute, no event
handler, no extra script or `http-equiv`, and the strings shown exactly as typed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT, Build, build, copy_project
from tests.test_validation import edit

SITE_NAME = 'Ryg x" http-equiv="refresh" content="0;url=https://evil.example'
SITE_DESCRIPTION = "Om ryg ' onmouseover='alert(1)' &amp; 1 < 2 > 0 javascript:alert(1)"
HOME_DESCRIPTION = 'x" http-equiv="refresh" content="0;url=https://evil.example'
EXERCISE_NAME = "Bro ' onmouseover='alert(1)' &amp; \"x\" &lt;/title&gt;"
EXERCISE_PURPOSE = 'x" http-equiv="refresh" content="0;url=javascript:alert(1)'
CLINIC_NAME = 'Klinik "x" onfocus="alert(1)" &amp;'
OPENING_HOURS = "8' onmouseover='alert(1)"


def _both(text: str) -> str:
    """A YAML mapping with the same text in both languages (the text as a JSON string)."""
    value = json.dumps(text, ensure_ascii=False)
    return f"{{da: {value}, en: {value}}}"


def _inject(project: Path) -> Path:
    site = "site.yaml"
    edit(
        project,
        site,
        'name:\n  da: "Hjælp til ryggen"\n  en: "Help for your back"',
        f"name: {_both(SITE_NAME)}",
    )
    edit(
        project,
        site,
        'description:\n  da: "Om rygsmerter og klinikkens superviserede træningsforløb for ryg."\n'
        '  en: "About back pain and the clinic\'s supervised training programme for the back."',
        f"description: {_both(SITE_DESCRIPTION)}",
    )
    edit(
        project,
        site,
        '    description:\n      da: "Et forløb med træning og viden for dig med ondt i ryggen."\n'
        '      en: "A programme of training and knowledge for people with back pain."',
        f"    description: {_both(HOME_DESCRIPTION)}",
    )
    bridge = "exercises/bridge.yaml"
    edit(
        project,
        bridge,
        'name:\n  da: "Bækkenløft (bro)"\n  en: "Bridge"',
        f"name: {_both(EXERCISE_NAME)}",
    )
    edit(
        project,
        bridge,
        'purpose:\n  da: "Øvelsen styrker ballerne, bagsiden af lårene og lænden."\n'
        '  en: "This exercise strengthens your buttocks, the backs of your thighs and your '
        'lower back."',
        f"purpose: {_both(EXERCISE_PURPOSE)}",
    )
    clinic = "clinic.yaml"
    edit(project, clinic, 'name: "Eksempelklinikken"', f"name: {json.dumps(CLINIC_NAME)}")
    edit(
        project,
        clinic,
        'opening_hours:\n  da: "Mandag til fredag kl. 8–16"\n'
        '  en: "Monday to Friday, 8:00 to 16:00"',
        f"opening_hours: {_both(OPENING_HOURS)}",
    )
    return project


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project built from content full of injection strings."""
    result = build(_inject(copy_project(tmp_path_factory.mktemp("injected"))))
    assert result.returncode == 0, result.log
    return result


@dataclass
class Parsed:
    """What the checks need from one HTML page."""

    shapes: set[tuple[str, str]] = field(default_factory=set)  # (tag, attribute) pairs
    http_equiv: list[str] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # src, or "inline"
    title: str = ""
    h1: str = ""
    text: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)  # aria-label and title attributes


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Parsed()
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.shapes.add((tag, ""))
        self.page.shapes.update((tag, name) for name in values)
        self.page.handlers.extend(f"<{tag} {name}>" for name in values if name.startswith("on"))
        if tag == "meta" and "http-equiv" in values:
            self.page.http_equiv.append(values["http-equiv"])
        if tag == "meta" and "name" in values:
            self.page.meta[values["name"]] = values.get("content", "")
        if tag == "script":
            self.page.scripts.append(values.get("src", "inline"))
        self.page.labels.extend(values[n] for n in ("aria-label", "title") if n in values)
        if tag not in {"meta", "link", "img", "input", "br", "hr"}:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._open[-1:] == ["title"]:
            self.page.title += data
        elif "script" not in self._open[-1:]:
            self.page.text += data
        if "h1" in self._open:
            self.page.h1 += data


def parse(path: Path) -> Parsed:
    """Parse one built page."""
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    page = collector.page
    page.title, page.h1, page.text = (" ".join(s.split()) for s in (page.title, page.h1, page.text))
    return page


def pages(site: Path) -> Iterator[tuple[str, Parsed]]:
    """Every HTML page of a site, by its path."""
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), parse(path)


CSP = ["Content-Security-Policy"]


def test_no_page_gets_an_element_or_attribute_the_clean_site_does_not_have(
    built: Build, injected: Build
) -> None:
    clean = set().union(*(page.shapes for _, page in pages(built.site)))
    new = {
        name: sorted(page.shapes - clean)
        for name, page in pages(injected.site)
        if page.shapes - clean
    }
    assert new == {}


def test_no_page_gets_a_refresh_an_event_handler_or_a_script(built: Build, injected: Build) -> None:
    clean_scripts = {name: page.scripts for name, page in pages(built.site)}
    wrong = {
        name: (page.http_equiv, page.handlers, page.scripts)
        for name, page in pages(injected.site)
        if page.http_equiv != CSP or page.handlers or page.scripts != clean_scripts[name]
    }
    assert wrong == {}


@pytest.mark.parametrize("lang", ["", "en/"])
def test_an_exercise_page_shows_the_texts_as_typed(injected: Build, lang: str) -> None:
    page = parse(injected.site / lang / "exercises" / "bridge" / "index.html")
    assert page.title == f"{EXERCISE_NAME} - {SITE_NAME}"
    assert page.h1 == EXERCISE_NAME
    assert page.meta["description"] == EXERCISE_PURPOSE
    assert EXERCISE_PURPOSE in page.text
    assert SITE_NAME in page.text
    assert SITE_NAME in page.labels


@pytest.mark.parametrize(("lang", "home"), [("", "Forside"), ("en/", "Home")])
def test_the_home_page_shows_the_texts_as_typed(injected: Build, lang: str, home: str) -> None:
    page = parse(injected.site / lang / "index.html")
    assert page.title == f"{home} - {SITE_NAME}"
    assert page.meta["description"] == HOME_DESCRIPTION
    assert CLINIC_NAME in page.text
    assert OPENING_HOURS in page.text


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_site_description_is_the_not_found_pages_description(
    injected: Build, lang: str
) -> None:
    page = parse(injected.site / lang / "404.html")
    assert page.meta["description"] == SITE_DESCRIPTION
    assert page.title.endswith(f" - {SITE_NAME}")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_search_index_holds_the_titles_as_html_text(injected: Build, lang: str) -> None:
    index = json.loads((injected.site / lang / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    # Material's search shows titles as HTML: they must be HTML text there.
    assert "<" not in titles["exercises/bridge/"]
    assert html.unescape(titles["exercises/bridge/"]) == EXERCISE_NAME


STRIPTAGS = re.compile(r"\{\{[^}]*\|\s*striptags(?P<after>[^}]*)\}\}")
MATERIAL = Path(__import__("material").__file__).parent / "templates"


def test_the_theme_strips_tags_only_where_it_escapes_again_or_is_overridden() -> None:
    """striptags turns escaped text back into markup; each use must be escaped again after it,
    or sit in a block that overrides/main.html replaces. A new Material release that adds
    one fails here."""
    found = sorted(
        f"{path.relative_to(folder).as_posix()}: {match.group(0)}"
        for folder in (MATERIAL, ROOT / "overrides")
        for path in folder.rglob("*.html")
        if ".icons" not in path.parts
        for match in STRIPTAGS.finditer(path.read_text(encoding="utf-8"))
        if not re.match(r"\s*\|\s*e\b", match.group("after"))
    )
    assert found == ["base.html: {{ page.title | striptags }}"]
    assert "{% block htmltitle %}" in (ROOT / "overrides" / "main.html").read_text("utf-8")

"""End to end: the real project built into tmp_path, checked page by page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from patientsite.loader import Content
from patientsite.model import Language
from patientsite.render import UNSEARCHED, targets
from tests.conftest import Build, build, copy_project
from tests.sitetools import read_page, resolve
from tests.test_validation import edit


def page_file(site: Path, path: str, lang: str, default: str) -> Path:
    """The built HTML file of a page path in one language."""
    prefix = "" if lang == default else f"{lang}/"
    return site / f"{prefix}{path}index.html"


@pytest.fixture(scope="module")
def pages(content: Content, languages: tuple[Language, ...]) -> list[tuple[str, str]]:
    """(page path, language) for every page the site must have."""
    return [(t.path, lang.code) for t in targets(content) for lang in languages]


def test_the_build_passes_strict_mode(built: Build) -> None:
    assert built.returncode == 0
    assert "WARNING" not in built.log


def test_every_page_exists_in_every_language(
    built: Build, pages: list[tuple[str, str]], languages: tuple[Language, ...]
) -> None:
    missing = [
        f"{lang}:{path}"
        for path, lang in pages
        if not page_file(built.site, path, lang, languages[0].code).is_file()
    ]
    assert missing == []
    assert len(pages) >= 2 * (6 + 8)


def test_html_lang_and_hreflang_alternates_are_right(
    built: Build, pages: list[tuple[str, str]], languages: tuple[Language, ...]
) -> None:
    default = languages[0].code
    wrong = []
    for path, lang in pages:
        html = page_file(built.site, path, lang, default)
        info = read_page(html)
        if info.lang != lang:
            wrong.append(f"{html}: lang={info.lang}")
        alternates = {
            a["hreflang"]: href
            for href, a in info.links
            if a.get("rel") == "alternate" and "hreflang" in a
        }
        for other in languages:
            expected = page_file(built.site, path, other.code, default)
            if (
                other.code not in alternates
                or resolve(built.site, html, alternates[other.code]) != expected
            ):
                wrong.append(f"{html}: hreflang {other.code} -> {alternates.get(other.code)}")
    assert wrong == []


def test_language_switcher_leads_to_the_same_page(
    built: Build, pages: list[tuple[str, str]], languages: tuple[Language, ...]
) -> None:
    default = languages[0].code
    wrong = []
    for path, lang in pages:
        html = page_file(built.site, path, lang, default)
        switcher = {
            a["hreflang"]: href
            for href, a in read_page(html).links
            if "md-select__link" in a.get("class", "") and "hreflang" in a
        }
        for other in languages:
            target = resolve(built.site, html, switcher.get(other.code, "#missing"))
            if target != page_file(built.site, path, other.code, default):
                wrong.append(f"{lang}:{path} -> {other.code}: {switcher.get(other.code)}")
    assert wrong == []


def test_each_language_searches_only_its_own_pages(
    built: Build, content: Content, pages: list[tuple[str, str]], languages: tuple[Language, ...]
) -> None:
    default = languages[0].code
    for lang in languages:
        root = built.site if lang.code == default else built.site / lang.code
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang.code]
        page_docs = [d for d in index["docs"] if "#" not in d["location"]]
        searched = {t.path for t in targets(content) if t.template not in UNSEARCHED}
        expected = {path for path, code in pages if code == lang.code and path in searched}
        assert {d["location"] for d in page_docs} == expected
        assert "" not in expected  # the home page repeats the programme page: not searched
        for doc in page_docs:
            html = page_file(built.site, doc["location"], lang.code, default)
            assert read_page(html).lang == lang.code
            assert doc["title"] == read_page(html).h1, doc["location"]


def test_no_resource_comes_from_another_host(built: Build) -> None:
    own = urlsplit("https://example.test/").netloc
    foreign = []
    for html in built.site.rglob("*.html"):
        for href in read_page(html).resources:
            host = urlsplit(href).netloc
            if host and host != own:
                foreign.append(f"{html.relative_to(built.site)}: {href}")
    for css in built.site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if urlsplit(url).netloc:
                foreign.append(f"{css.relative_to(built.site)}: {url}")
        for url in re.findall(r"@import\s+['\"]?([^'\";]+)", css.read_text(encoding="utf-8")):
            foreign.append(f"{css.relative_to(built.site)}: @import {url}")
    assert foreign == []
    assert not any(
        "fonts.googleapis" in p.read_text(encoding="utf-8") for p in built.site.rglob("*.html")
    )


def test_no_page_has_an_inline_script_or_a_script_in_its_head(built: Build) -> None:
    """The CSP forbids inline scripts; a script in the head would hold up the first paint."""
    for page in sorted(built.site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert "<script" not in head, f"{page.relative_to(built.site)}: a script in the head"
        for tag in re.findall(r"<script\b[^>]*>", html):
            data = 'type="application/json"' in tag
            assert "src=" in tag or data, f"{page.relative_to(built.site)}: inline {tag}"


def test_no_page_template_is_published(built: Build) -> None:
    """overrides/ is the theme folder: MkDocs copies whatever in it is not .html into the site."""
    published = sorted(p.name for p in (built.site / "content").rglob("*"))
    assert not published, f"templates copied into the site: {published}"


def test_every_internal_link_resolves(built: Build) -> None:
    broken = []
    for html in built.site.rglob("*.html"):
        info = read_page(html)
        for href, _ in info.links:
            if href.startswith(("mailto:", "tel:", "#")):
                continue
            target = resolve(built.site, html, href)
            if target is not None and not target.exists():
                broken.append(f"{html.relative_to(built.site)}: {href}")
    assert broken == []


def test_every_page_links_to_the_warning_signs(
    built: Build, pages: list[tuple[str, str]], languages: tuple[Language, ...]
) -> None:
    default = languages[0].code
    for path, lang in pages:
        html = page_file(built.site, path, lang, default)
        banner = [
            href for href, a in read_page(html).links if "ps-banner__link" in a.get("class", "")
        ]
        assert len(banner) == 1, html
        assert resolve(built.site, html, banner[0]) == page_file(
            built.site, "warning-signs/", lang, default
        )


def test_theme_words_are_in_the_page_language(built: Build) -> None:
    danish = (built.site / "index.html").read_text(encoding="utf-8")
    english = (built.site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Søg"' in danish
    assert 'placeholder="Search"' in english


def test_exercise_pages_stay_out_of_the_navigation(built: Build, content: Content) -> None:
    home = (built.site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    for ex_id in content.exercises:
        assert f"exercises/{ex_id}/" not in nav.split("</nav>")[0]


NEW_PAGES = {
    "da": {"what-to-expect/": "Før, under og efter forløbet", "questions/": "Spørgsmål og svar"},
    "en": {
        "what-to-expect/": "Before, during and after the programme",
        "questions/": "Questions and answers",
    },
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_what_to_expect_and_questions_are_in_the_navigation_and_search(
    built: Build, lang: str
) -> None:
    root = built.site if lang == "da" else built.site / lang
    home = (root / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("md-sidebar--secondary")]  # the menu, with the home page's contents
    order = re.findall(r'href="([a-z-]+/)"', nav)
    assert order.index("what-to-expect/") == order.index("programme/") + 1
    assert "questions/" in order
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for path, title in NEW_PAGES[lang].items():
        assert title in nav, path
        assert titles[path] == title
        assert read_page(root / path / "index.html").h1 == title
    assert titles["questions/#does-it-hurt"] == (
        "Gør det ondt at træne?" if lang == "da" else "Does the training hurt?"
    )


def test_pages_show_their_review_dates(built: Build) -> None:
    danish = (built.site / "warning-signs" / "index.html").read_text(encoding="utf-8")
    english = (built.site / "en" / "warning-signs" / "index.html").read_text(encoding="utf-8")
    assert "Sidst gennemgået" in danish and "Næste gennemgang" in danish
    assert "Page last reviewed" in english and "Next review due" in english
    assert '<time datetime="2027-06-02">2. juni 2027</time>' in danish
    assert '<time datetime="2027-06-02">2 June 2027</time>' in english


def test_changed_data_changes_every_sentence_that_uses_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project, "programmes/back/programme.yaml", "min: 6", "min: 5")
    edit(project, "programmes/back/programme.yaml", "max: 8", "max: 9")
    result = build(project)
    assert result.returncode == 0, result.log
    site_text = "".join(p.read_text(encoding="utf-8") for p in result.site.rglob("*.html"))
    assert "5–9" in site_text
    assert "6–8" not in site_text and "6-8" not in site_text


def test_angle_brackets_in_text_show_as_text(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project, "exercise_library.yaml", "Start med de lette.", "Start med let > svær & <3.")
    result = build(project)
    assert result.returncode == 0, result.log
    html = (result.site / "exercises" / "index.html").read_text(encoding="utf-8")
    assert "Start med let &gt; svær &amp; &lt;3." in html


def test_an_overdue_review_is_reported_without_breaking_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(
        project,
        "programmes/back/symptoms.yaml",
        "reviewed_on: 2026-11-20",
        "reviewed_on: 2020-01-01",
    )
    edit(
        project,
        "programmes/back/symptoms.yaml",
        "next_review: 2027-11-20",
        "next_review: 2021-01-01",
    )
    result = build(project)
    assert result.returncode == 0, result.log
    assert (
        result.log.count(
            "REVIEW OVERDUE: content/programmes/back/symptoms.yaml: review was due on 2021-01-01"
        )
        == 1
    )
    html = (result.site / "back-pain" / "index.html").read_text(encoding="utf-8")
    assert "Gennemgang er forsinket" in html


def test_no_text_is_escaped_twice(built: Build) -> None:
    doubled = [
        str(p.relative_to(built.site))
        for p in built.site.rglob("*.html")
        if re.search(r"&(amp;)?&#|&amp;#\d+;", p.read_text(encoding="utf-8"))
    ]
    assert doubled == []

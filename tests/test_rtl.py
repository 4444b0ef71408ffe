"""A third language, written right to left, builds by configuration alone: site, search, print.

The fixture is a copy of the project with Arabic (`ar`, in src/patientsite/data/languages.yaml)
added to mkdocs.yml and to every text of content/, its texts copies of the Danish.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from patientsite.leaflet import build_leaflet, render_html
from patientsite.loader import Content, load_content
from patientsite.project import project_languages
from patientsite.render import UNSEARCHED, render_site, targets
from patientsite.report import readability
from tests.conftest import ROOT, Build, build, copy_project

NEW = "ar"
SOURCE = "da"  # the fixture's Arabic texts are copies of the Danish


class _NoAliases(yaml.SafeDumper):
    """A dumper that writes every value out (the content reader refuses anchors and aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def with_language(value: Any, codes: set[str]) -> Any:
    """The value with every text ({da: ..., en: ...}) given the new language, a copy of SOURCE."""
    if isinstance(value, dict):
        out = {key: with_language(item, codes) for key, item in value.items()}
        if value and set(value) == codes:
            out[NEW] = with_language(value[SOURCE], codes)
        return out
    if isinstance(value, list):
        return [with_language(item, codes) for item in value]
    return value


def add_language(project: Path) -> None:
    """Add NEW to mkdocs.yml's languages and to every text of the project's content/."""
    codes = {lang.code for lang in project_languages(project / "mkdocs.yml")}
    for path in sorted((project / "content").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = yaml.dump(with_language(data, codes), Dumper=_NoAliases, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    english = "        - locale: en\n          name: English\n          build: true\n"
    assert english in text
    arabic = f"        - locale: {NEW}\n          name: العربية\n          build: true\n"
    config.write_text(text.replace(english, english + arabic), encoding="utf-8")


@pytest.fixture(scope="module")
def rtl_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the right-to-left language added."""
    project = copy_project(tmp_path_factory.mktemp("rtl"))
    add_language(project)
    return project


@pytest.fixture(scope="module")
def rtl_built(rtl_project: Path) -> Build:
    """The fixture's site with its leaflets and booklets, built once for this module."""
    result = build(rtl_project)
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="module")
def rtl_content(rtl_project: Path) -> Content:
    """The fixture's content, validated with its three languages."""
    languages = project_languages(rtl_project / "mkdocs.yml")
    assert [lang.code for lang in languages] == ["da", "en", NEW]
    return load_content(rtl_project / "content", languages, rtl_project)


def root_and_body(path: Path) -> tuple[str, str]:
    """The opening <html> and <body> tags of a built page."""
    html = path.read_text(encoding="utf-8")
    root = re.search(r"<html\b[^>]*>", html)
    body = re.search(r"<body\b[^>]*>", html)
    assert root and body, path
    return root.group(0), body.group(0)


def test_the_fixture_builds_strictly(rtl_built: Build) -> None:
    assert "WARNING" not in rtl_built.log
    counts = re.search(r"Search index per language: da (\d+), en (\d+), ar (\d+)", rtl_built.log)
    assert counts and counts[1] == counts[2] == counts[3], rtl_built.log


def test_right_to_left_pages_say_so(rtl_built: Build, rtl_content: Content) -> None:
    wrong = []
    for target in targets(rtl_content):
        path = rtl_built.site / NEW / target.path / "index.html"
        root, body = root_and_body(path)
        if root != f'<html dir="rtl" lang="{NEW}" class="no-js">' or 'dir="rtl"' not in body:
            wrong.append(f"{target.path}: {root} {body}")
    assert wrong == []


def test_left_to_right_pages_keep_their_direction(rtl_built: Build, rtl_content: Content) -> None:
    wrong = []
    for target in targets(rtl_content):
        for prefix, lang in (("", "da"), ("en/", "en")):
            root, body = root_and_body(rtl_built.site / f"{prefix}{target.path}index.html")
            if root != f'<html dir="ltr" lang="{lang}" class="no-js">' or 'dir="ltr"' not in body:
                wrong.append(f"{lang}:{target.path}: {root} {body}")
    assert wrong == []


def test_the_404_page_of_the_new_language_is_right_to_left_in_its_words(
    rtl_built: Build,
) -> None:
    root, body = root_and_body(rtl_built.site / NEW / "404.html")
    assert (root, 'dir="rtl"' in body) == (f'<html dir="rtl" lang="{NEW}" class="no-js">', True)
    text = (rtl_built.site / NEW / "404.html").read_text(encoding="utf-8")
    assert "الصفحة غير موجودة" in text
    assert "الصفحة غير موجودة" in (rtl_built.site / "404.html").read_text(encoding="utf-8")


def test_the_new_language_has_a_search_index_of_its_own_pages(
    rtl_built: Build, rtl_content: Content
) -> None:
    index = json.loads((rtl_built.site / NEW / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == [NEW]
    pages = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
    assert pages == {t.path for t in targets(rtl_content) if t.template not in UNSEARCHED}
    root = json.loads((rtl_built.site / "search" / "search_index.json").read_text())
    assert not any(doc["location"].startswith(f"{NEW}/") for doc in root["docs"])


@pytest.mark.parametrize("name", [f"leaflet-{NEW}.pdf", f"large-print-{NEW}.pdf"])
def test_the_printed_documents_of_the_new_language_are_written(rtl_built: Build, name: str) -> None:
    reader = PdfReader(rtl_built.site / "downloads" / name)
    assert reader.trailer["/Root"]["/Lang"] == NEW
    assert len(reader.pages) >= 2


def test_printed_documents_of_the_new_language_are_right_to_left(rtl_content: Content) -> None:
    for template in ("leaflet.html", "booklet.html"):
        html = render_html(
            rtl_content,
            NEW,
            ROOT / "overrides" / "leaflet",
            "https://example.test/",
            template=template,
        )
        assert f'<html lang="{NEW}" dir="rtl">' in html


def test_the_report_does_not_score_a_language_without_a_measure(rtl_content: Content) -> None:
    rendered = render_site(rtl_content, ROOT / "overrides" / "content", date(2026, 11, 25))
    scores = {(r.page, r.lang): r for r in readability(rtl_content, rendered)}
    assert (scores[("home", NEW)].score, scores[("home", NEW)].on_target) == ("not scored", True)
    assert scores[("home", "da")].score.startswith("LIX ")


def test_the_real_leaflet_stylesheet_fits_right_to_left(rtl_content: Content) -> None:
    build_leaflet(rtl_content, NEW, ROOT / "overrides" / "leaflet", "https://example.test/")

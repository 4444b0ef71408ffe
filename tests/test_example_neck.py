"""The example content set in examples/neck-clinic/: valid, its own numbers, easy to read.

The example is laid over a copy of content/: its clinic.yaml replaces the clinic, and its
programme folder is added beside the back programme, so it is a two-programme site of
another clinic in another region, built on every change (`make examples` builds it too).
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from patientsite.loader import Content, load_content
from patientsite.model import Language
from patientsite.render import render_site
from patientsite.report import Readability, readability
from tests.conftest import ROOT, Build, build, copy_project

EXAMPLE = ROOT / "examples" / "neck-clinic"
PROGRAMME = EXAMPLE / "programmes" / "neck"

# The pages the example writes itself (the exercise pages are the shared library's).
PAGES = ["neck", "neck/neck-pain", "neck/warning-signs", "neck/programme", "neck/self-care"]
LIX_MAX = {"neck": 35.0, "neck/warning-signs": 35.0, "neck/self-care": 35.0}
LIX_MAX_OTHER = 40.0
FLESCH_MIN = 60.0


def overlay(root: Path) -> Path:
    """Lay the neck example over the content folder root (a copy of content/); return root."""
    shutil.copy2(EXAMPLE / "clinic.yaml", root / "clinic.yaml")
    shutil.copytree(PROGRAMME, root / "programmes" / "neck")
    return root


@pytest.fixture(scope="module")
def neck(tmp_path_factory: pytest.TempPathFactory, languages: tuple[Language, ...]) -> Content:
    """The neck example's content, loaded and validated like content/ itself."""
    root = tmp_path_factory.mktemp("neck") / "content"
    shutil.copytree(ROOT / "content", root)
    overlay(root)
    return load_content(root, languages, root.parent)


@pytest.fixture(scope="module")
def pages(neck: Content) -> dict[str, str]:
    """The example's generated Markdown pages, by their path under docs/."""
    return render_site(neck, ROOT / "overrides" / "content", date.today())


def words(markdown: str) -> str:
    """A page's text with tags removed and spaces collapsed, to search for phrases."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markdown))


def test_the_example_lays_a_whole_programme_over_content() -> None:
    names = sorted(p.name for p in PROGRAMME.glob("*.yaml"))
    expected = [
        "condition",
        "education",
        "pain",
        "programme",
        "self_care",
        "symptoms",
        "warning_signs",
    ]
    assert names == [f"{name}.yaml" for name in expected]
    assert (EXAMPLE / "clinic.yaml").is_file()


def test_every_example_file_says_it_is_an_example() -> None:
    files = [EXAMPLE / "clinic.yaml", *sorted(PROGRAMME.glob("*.yaml"))]
    unmarked = [p.name for p in files if "EXAMPLE ONLY" not in p.read_text(encoding="utf-8")]
    assert unmarked == []


def test_the_example_clinic_is_another_clinic_in_another_region(neck: Content) -> None:
    assert neck.clinic.example is True
    assert neck.clinic.region == "syddanmark"
    assert list(neck.programmes) == ["back", "neck"]
    assert neck.programmes["neck"].programme.target_group.regions[0].id == "neck"


def test_placeholders_resolve_to_the_neck_programmes_numbers(pages: dict[str, str]) -> None:
    programme = words(pages["neck/programme/index.md"])
    assert "Du træner på hold 3 gange om ugen i 10–12 uger." in programme
    assert "Du er over 18 år." in programme
    assert "Du har haft ondt i mere end 42 dage." in programme
    assert "6–8" not in programme
    english = words(pages["neck/programme/index.en.md"])
    assert "You train in a group 3 times a week for 10–12 weeks." in english


def test_the_helpline_is_the_example_clinics_region(pages: dict[str, str]) -> None:
    warning = words(pages["neck/warning-signs/index.md"])
    assert "Har lægen lukket, så ring 70 11 07 07." in warning
    assert "1813" not in warning


@pytest.fixture(scope="module")
def scores(neck: Content, pages: dict[str, str]) -> dict[tuple[str, str], Readability]:
    """Readability of the example's rendered pages, by (page, language)."""
    return {(r.page, r.lang): r for r in readability(neck, pages)}


@pytest.mark.parametrize("page", PAGES)
def test_danish_example_page_is_easy_to_read(
    scores: dict[tuple[str, str], Readability], page: str
) -> None:
    result = scores[(page, "da")]
    limit = LIX_MAX.get(page, LIX_MAX_OTHER)
    assert result.lix <= limit, f"LIX {result.lix:.1f} > {limit:.0f}; {result.longest}"


@pytest.mark.parametrize("page", PAGES)
def test_english_example_page_is_easy_to_read(
    scores: dict[tuple[str, str], Readability], page: str
) -> None:
    result = scores[(page, "en")]
    assert result.flesch is not None
    assert result.flesch >= FLESCH_MIN, f"Flesch {result.flesch:.1f}; {result.longest}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example built as a site with its print, as `make examples` builds it."""
    project = copy_project(tmp_path_factory.mktemp("neck-site"))
    overlay(project / "content")
    result = build(project)
    assert result.returncode == 0, result.log
    return result


def test_the_example_builds_with_both_programmes_and_their_print(site: Build) -> None:
    assert (site.site / "neck" / "neck-pain" / "index.html").is_file()
    assert (site.site / "back" / "back-pain" / "index.html").is_file()
    for name in ("leaflet-neck-da.pdf", "large-print-neck-en.pdf", "leaflet-back-en.pdf"):
        assert (site.site / "downloads" / name).is_file(), name
    neck = (site.site / "neck" / "programme" / "index.html").read_text(encoding="utf-8")
    assert "Dobbeltsyn, svært ved at tale" in neck  # the programme's own banner
    sheet = (site.site / "neck" / "my-programme" / "index.html").read_text(encoding="utf-8")
    assert 'data-ps-exercise="chin-tuck"' in sheet or "chin-tuck" in sheet
    assert "bird-dog" not in sheet  # the neck programme's sheet offers its own exercises

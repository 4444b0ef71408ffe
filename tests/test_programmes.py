"""Programmes as folders: copying one to a new id adds a programme, with no code change."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from patientsite import placeholders, registry
from patientsite.loader import Content, load_content
from patientsite.model import Language
from patientsite.problems import ContentError
from tests.conftest import ROOT, Build, build, copy_project
from tests.sitetools import read_page

HIP = "hip"


def add_programme(project: Path) -> None:
    """Copy the back programme to 'hip' and give it other numbers and another name."""
    programmes = project / "content" / "programmes"
    shutil.copytree(programmes / "back", programmes / HIP)
    path = programmes / HIP / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    assert "weeks: {min: 6, max: 8}" in text
    text = text.replace("weeks: {min: 6, max: 8}", "weeks: {min: 10, max: 12}")
    text = re.sub(r"(?m)^sessions_per_week: 2$", "sessions_per_week: 3", text)
    text = text.replace("Superviseret træningsforløb for ryg", "Træningsforløb for hofte")
    text = text.replace("Supervised training programme for back pain", "Hip training programme")
    text += (
        "pages:\n"
        '  back-pain: {path: "hip-pain/", title: {da: "Hoftesmerter", en: "Hip pain"}}\n'
        'warning_banner: {da: "Smerter i brystet eller hoften?", en: "Chest or hip pain?"}\n'
    )
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project with a second programme, built with its leaflets."""
    project = copy_project(tmp_path_factory.mktemp("two"))
    add_programme(project)
    result = build(project)
    assert result.returncode == 0, result.log
    return result


def text_of(site: Path, rel: str) -> str:
    """The text of one built page's article, tags left out."""
    page = (site / rel).read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def test_each_programme_page_shows_its_own_numbers(two: Build) -> None:
    back = text_of(two.site, "back/programme/index.html")
    hip = text_of(two.site, "hip/programme/index.html")
    assert "6–8" in back and "10–12" not in back
    assert "10–12" in hip and "6–8" not in hip
    assert "10–12" in text_of(two.site, "en/hip/programme/index.html")


def test_the_home_page_lists_the_programmes_and_links_to_each(two: Build) -> None:
    home = text_of(two.site, "index.html")
    assert "Superviseret træningsforløb for ryg" in home
    assert "Træningsforløb for hofte" in home
    assert {"back/", "hip/"} <= {href for href, _ in read_page(two.site / "index.html").links}
    assert "Hip training programme" in text_of(two.site, "en/index.html")


def test_each_programme_has_its_pages_sheet_diary_and_print(two: Build) -> None:
    for programme in ("back", HIP):
        condition = "hip-pain/" if programme == HIP else "back-pain/"
        for page in ("", condition, "warning-signs/", "programme/", "my-programme/", "diary/"):
            assert (two.site / programme / page / "index.html").is_file(), (programme, page)
        for lang in ("da", "en"):
            for kind in ("leaflet", "large-print"):
                name = f"{kind}-{programme}-{lang}.pdf"
                assert (two.site / "downloads" / name).is_file(), name
    # The diary has a row per session: hip's 12 weeks of 3, back's 8 weeks of 2.
    hip_diary = (two.site / HIP / "diary" / "index.html").read_text(encoding="utf-8")
    back_diary = (two.site / "back" / "diary" / "index.html").read_text(encoding="utf-8")
    assert hip_diary.count("<tr") > back_diary.count("<tr")
    # Shared pages stay shared: one exercise library.
    assert (two.site / "exercises" / "bird-dog" / "index.html").is_file()
    assert not (two.site / HIP / "exercises").exists()


def test_each_leaflet_gives_its_own_programme(two: Build) -> None:
    text = " ".join(
        page.extract_text()
        for page in PdfReader(two.site / "downloads" / "leaflet-hip-en.pdf").pages
    )
    assert "Hip training programme" in " ".join(text.split())
    back = PdfReader(two.site / "downloads" / "leaflet-back-en.pdf").metadata
    assert back is not None and str(back.title).startswith("Supervised training")


def test_no_page_of_either_programme_shows_a_placeholder(two: Build) -> None:
    unfilled = {
        str(page.relative_to(two.site)): found
        for page in two.site.rglob("*.html")
        if (found := re.findall(r"\{[a-z_]+\}", text_of(two.site, str(page.relative_to(two.site)))))
    }
    assert unfilled == {}
    listing = text_of(two.site, "index.html")
    assert "Forløbet varer 6–8 uger." in listing and "Forløbet varer 10–12 uger." in listing


def test_the_navigation_has_a_section_per_programme(two: Build) -> None:
    html = (two.site / "hip" / "programme" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav') :]
    assert "Træningsforløb for hofte" in nav and "Superviseret træningsforløb for ryg" in nav


def test_a_programme_names_its_pages_and_its_banner(two: Build) -> None:
    assert read_page(two.site / HIP / "hip-pain" / "index.html").title.startswith("Hoftesmerter")
    assert not (two.site / HIP / "back-pain").exists()
    hip = (two.site / HIP / "programme" / "index.html").read_text(encoding="utf-8")
    back = (two.site / "back" / "programme" / "index.html").read_text(encoding="utf-8")
    shared = (two.site / "exercises" / "index.html").read_text(encoding="utf-8")
    assert "Smerter i brystet eller hoften?" in hip
    assert "Smerter i brystet eller hoften?" not in back + shared
    assert 'href="../warning-signs/"' in hip[hip.index('class="ps-banner"') :]
    en = (two.site / "en" / HIP / "programme" / "index.html").read_text(encoding="utf-8")
    assert "Chest or hip pain?" in en


def test_a_programme_renames_only_its_own_pages(
    project: Path, languages: tuple[Language, ...]
) -> None:
    path = project / "content" / "programmes" / "back" / "programme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "pages:\n  exercises: {path: moves/}\n  self-care: {path: programme/}\n",
        encoding="utf-8",
    )
    lines = len(path.read_text(encoding="utf-8").splitlines())
    found = problems(project, languages)
    assert found == [
        f"content/programmes/back/programme.yaml:{lines - 1}:3: pages.exercises: 'exercises' is "
        "not one of the programme's pages in site.yaml (expected one of: home, back-pain, "
        "warning-signs, programme, what-to-expect, self-care, pain, questions, my-programme, "
        "diary)",
        f"content/programmes/back/programme.yaml:{lines}:15: pages.self-care.path: the path "
        "'programme/' is taken by the page 'programme' in this programme",
    ], found


def test_one_programme_keeps_the_addresses_it_always_had(built: Build) -> None:
    assert (built.site / "programme" / "index.html").is_file()
    assert not (built.site / "back").exists()
    assert (built.site / "downloads" / "leaflet-da.pdf").is_file()


# --- the loader on programme folders -------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def problems(project: Path, languages: tuple[Language, ...]) -> list[str]:
    """Every problem load_content reports, as printed."""
    with pytest.raises(ContentError) as caught:
        load_content(project / "content", languages, project)
    return [str(p) for p in caught.value.problems]


def test_placeholders_resolve_in_the_programme_of_the_page(
    project: Path, languages: tuple[Language, ...]
) -> None:
    add_programme(project)
    # Several programmes need the page that lists them: the project's site.yaml has one.
    content = load_content(project / "content", languages, project)
    assert content.placeholders("da", "back")["weeks"] == "6–8"
    assert content.placeholders("da", HIP)["weeks"] == "10–12"
    assert "weeks" not in content.placeholders("da")


def test_a_programme_missing_a_file_is_named(
    project: Path, languages: tuple[Language, ...]
) -> None:
    add_programme(project)
    (project / "content" / "programmes" / HIP / "symptoms.yaml").unlink()
    assert problems(project, languages) == ["content/programmes/hip/symptoms.yaml: file is missing"]


def test_a_programme_folder_must_be_named_by_an_id(
    project: Path, languages: tuple[Language, ...]
) -> None:
    shutil.copytree(
        project / "content" / "programmes" / "back", project / "content" / "programmes" / "Hip"
    )
    assert problems(project, languages) == [
        "content/programmes/Hip: a programme's folder is named by its id: lowercase letters, "
        "digits and hyphens (e.g. 'back' or 'hip-knee')"
    ]


def test_no_programme_is_an_error(project: Path, languages: tuple[Language, ...]) -> None:
    shutil.rmtree(project / "content" / "programmes")
    assert problems(project, languages) == [
        "content/programmes: no programme found (expected a folder such as programmes/back/ "
        "with programme.yaml and the programme's other files)"
    ]


def test_several_programmes_need_a_page_that_lists_them(
    project: Path, languages: tuple[Language, ...]
) -> None:
    add_programme(project)
    site = project / "content" / "site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("template: programmes", "template: home"), encoding="utf-8")
    found = problems(project, languages)
    assert any(
        "there are 2 programmes (back, hip), so the site needs a page with template "
        "'programmes' and path '' that lists them" in p
        for p in found
    ), found


def test_a_page_names_only_kinds_of_the_registry(
    project: Path, languages: tuple[Language, ...]
) -> None:
    site = project / "content" / "site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("uses: [self_care]", "uses: [self_cares]"), encoding="utf-8")
    line = text[: text.index("uses: [self_care]")].count("\n") + 1
    column = text.splitlines()[line - 1].index("self_care") + 1
    [problem] = problems(project, languages)
    assert problem == (
        f"content/site.yaml:{line}:{column}: pages[5].uses[0]: unknown content file "
        f"'self_cares' (did you mean 'self_care'? expected one of: "
        f"{', '.join(registry.PAGE_KINDS)})"
    )


def test_a_programme_chooses_known_exercises(
    project: Path, languages: tuple[Language, ...]
) -> None:
    path = project / "content" / "programmes" / "back" / "programme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "exercises: [bird-dog, brige]\n", encoding="utf-8"
    )
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert problems(project, languages) == [
        f"content/programmes/back/programme.yaml:{line}:23: exercises[1]: unknown exercise "
        "'brige' (no file content/exercises/brige.yaml); did you mean 'bridge'?"
    ]


def test_every_placeholder_the_registry_names_has_a_value(content: Content) -> None:
    programme = next(iter(content.programmes.values()))
    given = placeholders.values(content, programme, "da")
    services = {service.id for service in content.site.services}
    assert set(given) == set(registry.PLACEHOLDERS) | services
    shared = placeholders.values(content, None, "da")
    assert set(shared) == placeholders.names("site", services)

"""The exercise library: complete, drawn, linked, with consistent progressions."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from patientsite.loader import Content
from patientsite.model import Language
from tests.conftest import ROOT, Build
from tests.test_validation import edit, problems


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


EXERCISE_IDS = sorted(p.stem for p in (ROOT / "content" / "exercises").glob("*.yaml"))
SVG = "{http://www.w3.org/2000/svg}"
WHICH = ("start", "end")


def test_the_library_covers_regions_goals_and_levels(content: Content) -> None:
    exercises = list(content.exercises.values())
    assert len(exercises) >= 24
    for kind, vocab in (
        ("regions", content.exercise_library.regions),
        ("goals", content.exercise_library.goals),
    ):
        for choice in vocab:
            assert sum(choice.id in getattr(e, kind) for e in exercises) >= 3, (kind, choice.id)
    for level in range(1, 5):
        assert sum(e.level == level for e in exercises) >= 2, level


def figure_images(html: str) -> dict[str, dict[str, str]]:
    """The figure img elements of a page (their attributes), by the file they show."""
    found = {}
    for match in re.finditer(r'<img class="ps-figure"[^>]*>', html):
        attrs = dict(re.findall(r'([a-z-]+)="([^"]*)"', match.group(0)))
        found[attrs["src"].rsplit("/", 1)[-1]] = attrs
    return found


@pytest.mark.parametrize("ex_id", EXERCISE_IDS)
def test_every_exercise_page_shows_both_drawings_with_a_text_alternative(
    built: Build, content: Content, languages: tuple[Language, ...], ex_id: str
) -> None:
    exercise = content.exercises[ex_id]
    for lang in languages:
        prefix = "" if lang.code == languages[0].code else f"{lang.code}/"
        page = built.site / f"{prefix}exercises/{ex_id}/index.html"
        images = figure_images(page.read_text(encoding="utf-8"))
        for which in ("start", "end"):
            img = images[f"{ex_id}-{which}.svg"]
            assert img["alt"] == getattr(exercise.illustration, which).alt.get(lang.code)
            assert "loading" not in img, "the drawings of an exercise page load at once"
            svg = ET.parse((page.parent / img["src"]).resolve()).getroot()
            assert svg.get("viewBox")
            assert (img["width"], img["height"]) == (svg.get("width"), svg.get("height"))
            assert len(svg.findall(f".//{SVG}polygon")) >= 10  # the body parts


def test_lists_of_exercises_link_to_the_drawings_and_load_them_when_scrolled_to(
    built: Build,
) -> None:
    for path in ("exercises/index.html", "en/my-programme/index.html"):
        page = built.site / path
        images = figure_images(page.read_text(encoding="utf-8"))
        assert sorted(images) == sorted(f"{i}-{w}.svg" for i in EXERCISE_IDS for w in WHICH)
        for img in images.values():
            assert img["loading"] == "lazy"
            assert (page.parent / img["src"]).resolve().is_file(), img["src"]


def test_the_index_lists_every_exercise_with_drawing_level_and_dosage(
    built: Build, content: Content
) -> None:
    for index in (built.site / "exercises/index.html", built.site / "en/exercises/index.html"):
        html = index.read_text(encoding="utf-8")
        items = re.findall(r'<li class="ps-exercise-list__item" data-id="([a-z0-9-]+)"', html)
        assert sorted(items) == EXERCISE_IDS
        for ex_id in EXERCISE_IDS:
            item = html.split(f'data-id="{ex_id}"', 1)[1].split("</li>", 1)[0]
            assert f'href="./{ex_id}/"' in item
            assert 'class="ps-figure"' in item and 'class="ps-level' in item
            assert 'class="ps-dosage"' in item


def test_the_sheet_page_holds_every_exercise_and_the_warning_box(
    built: Build, content: Content
) -> None:
    html = (built.site / "my-programme/index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="ps-sheet__item" data-id="([a-z0-9-]+)" hidden>', html)
    assert sorted(items) == EXERCISE_IDS
    assert "ps-sheet__warning" in html and content.clinic.phone in html
    assert 'id="ps-qr-tables"' in html


def test_the_diary_has_a_table_for_every_week_and_a_row_for_every_session(
    built: Build, content: Content
) -> None:
    html = (built.site / "en/diary/index.html").read_text(encoding="utf-8")
    weeks = html.count('<table class="ps-diary__week">')
    assert weeks == content.programmes["back"].programme.weeks.max
    rows = re.findall(r"<tr><th scope=\"row\">", html)
    assert len(rows) == weeks * (content.programmes["back"].programme.sessions_per_week + 1)


def test_an_easier_version_that_is_harder_is_refused(
    project: Path,
    languages: tuple[Language, ...],
) -> None:
    line = edit(project, "exercises/bridge.yaml", "easier: pelvic-tilt", "easier: side-plank")
    assert problems(project, languages) == [
        f"content/exercises/bridge.yaml:{line}:1: easier: 'side-plank' is level 4, harder than "
        "this exercise's level 2"
    ]


def test_a_progression_that_loops_is_refused(
    project: Path,
    languages: tuple[Language, ...],
) -> None:
    found_line = edit(project, "exercises/side-plank.yaml", "harder: null", "harder: bridge")
    found = problems(project, languages)
    assert (
        f"content/exercises/side-plank.yaml:{found_line}:1: harder: 'bridge' is level 2, "
        "easier than this exercise's level 4" in found
    )
    assert any("progression loops back: " in p for p in found)


def test_a_missing_image_file_is_refused(
    project: Path,
    languages: tuple[Language, ...],
) -> None:
    path = project / "content" / "exercises" / "bridge.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("illustration:")
    pose = text.index("pose:", start)
    end = text.index("\n", pose)
    line = text[:pose].count("\n") + 1
    path.write_text(text[:pose] + "image: bridge-start.png" + text[end:], encoding="utf-8")
    assert problems(project, languages) == [
        f"content/exercises/bridge.yaml:{line}:5: illustration.start.image: no file "
        "'bridge-start.png' (looked for content/exercises/bridge-start.png)"
    ]


def test_a_clinic_image_replaces_the_drawing(
    project: Path,
    languages: tuple[Language, ...],
) -> None:
    from PIL import Image

    from patientsite.loader import load_content
    from patientsite.render import render_figures, render_site

    Image.new("RGB", (40, 20), "white").save(project / "content" / "exercises" / "own.png")
    path = project / "content" / "exercises" / "bridge.yaml"
    text = path.read_text(encoding="utf-8")
    pose = text.index("pose:", text.index("illustration:"))
    path.write_text(text[:pose] + "image: own.png" + text[text.index("\n", pose) :], "utf-8")
    content = load_content(project / "content", languages, project)
    templates = ROOT / "overrides" / "content"
    page = render_site(content, templates, content.site.review.reviewed_on)[
        "exercises/bridge/index.en.md"
    ]
    alt = content.exercises["bridge"].illustration.start.alt.get("en")
    assert (
        f'<img class="ps-figure" src="../../../figures/bridge-start.png" alt="{alt}" '
        'width="40" height="20" decoding="async">'
    ) in page
    figures = render_figures(content, templates)
    assert figures["figures/bridge-start.png"] == (path.parent / "own.png").read_bytes()
    assert figures["figures/bridge-end.svg"].startswith(b"<svg ")


def test_writing_the_docs_folder_replaces_only_what_changed_and_removes_what_is_gone(
    tmp_path: Path,
) -> None:
    from patientsite.render import write_tree

    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "site.css").write_text("kept")  # not generated: never removed
    first = {
        "index.md": "home",
        "exercises/bridge/index.md": "bridge",
        "figures/bridge-start.svg": b"<svg/>",
        "figures/bridge-end.png": b"\x89PNG",
    }
    assert write_tree(docs, first) == (4, 0)
    assert write_tree(docs, first) == (0, 0)
    second = {"index.md": "home, changed", "figures/bridge-start.svg": b"<svg/>"}
    assert write_tree(docs, second) == (1, 2)
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == [
        "assets/site.css",
        "figures/bridge-start.svg",
        "index.md",
    ]
    assert not (docs / "exercises").exists()

"""The clinicians' review sheet of the drawings (`make figures`)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from patientsite.figsheet import sheet_html, write_sheet
from patientsite.leaflet import render_document
from patientsite.loader import Content
from patientsite.model import Exercise
from tests.conftest import ROOT

TEMPLATES, PAGES = ROOT / "overrides/figures", ROOT / "overrides/content"


def _sections(content: Content, lang: str) -> list[tuple[Exercise, str]]:
    html = sheet_html(content, lang, TEMPLATES, PAGES)
    sections = html.split('<section class="exercise">')[1:]
    assert len(sections) == len(content.exercises)
    exercises = sorted(content.exercises.values(), key=lambda e: e.id)
    return list(zip(exercises, sections, strict=True))


def test_the_sheet_shows_every_exercise_with_both_pictures_name_position_and_steps(
    content: Content,
) -> None:
    for exercise, section in _sections(content, "en"):
        assert f"({exercise.id})" in section
        assert len(re.findall(r'<img src="data:image/svg\+xml;base64,', section)) == 2
        assert "Position: " in section and "Seen from " in section
        assert section.count("<li>") == len(exercise.steps)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "da",
            [
                "<title>Øvelsernes tegninger til gennemgang</title>",
                "Stilling: på alle fire · Set fra siden · gentagelser</p>",
                "<figcaption>Start</figcaption>",
                "<figcaption>Slut</figcaption>",
            ],
        ),
        (
            "en",
            [
                "<title>Exercise drawings for review</title>",
                "Position: on hands and knees · Seen from the side · repetitions</p>",
                "<figcaption>Start</figcaption>",
                "<figcaption>End</figcaption>",
            ],
        ),
    ],
)
def test_the_sheet_is_in_the_readers_language(
    content: Content, lang: str, words: list[str]
) -> None:
    html = sheet_html(content, lang, TEMPLATES, PAGES)
    section = html.split('<section class="exercise">')[1]  # bird-dog
    for word in words:
        assert word in html if word.startswith("<title>") else word in section, word


def test_each_exercise_shows_the_review_that_covers_its_drawings(content: Content) -> None:
    exercise, section = _sections(content, "da")[0]
    assert exercise.id == "bird-dog" and exercise.review.reviewed_by == (
        "Eksempelklinikkens kiropraktor"
    )
    assert (
        '<p class="meta review">Gennemgået 20. november 2026 af '
        "Eksempelklinikkens kiropraktor · Næste gennemgang: 20. november 2027</p>"
    ) in section
    for exercise, section in _sections(content, "en"):
        assert f" by {exercise.review.reviewed_by} · Next review due: " in section
    description = Exercise.model_fields["review"].description
    assert description is not None and "covers both the text and the drawings" in description


def test_make_figures_writes_the_page_and_its_pdf(content: Content, tmp_path: Path) -> None:
    page, pdf = write_sheet(content, "da", TEMPLATES, PAGES, tmp_path)
    assert page.name == "figures-da.html"
    assert '<html lang="da" dir="ltr">' in page.read_text("utf-8")
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_exercises_two_pictures_are_on_one_page(content: Content, lang: str) -> None:
    from weasyprint.formatting_structure.boxes import ReplacedBox

    document = render_document(sheet_html(content, lang, TEMPLATES, PAGES), TEMPLATES)
    pictures = [
        sum(isinstance(box, ReplacedBox) for box in page._page_box.descendants())
        for page in document.pages
    ]
    assert all(n % 2 == 0 for n in pictures), pictures  # as many start pictures as ends
    assert sum(pictures) == 2 * len(content.exercises)


def test_make_figures_writes_one_sheet_per_language(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "patientsite", "figures", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["figures-da.html", "figures-da.pdf", "figures-en.html", "figures-en.pdf"]
    assert result.stdout.count("Wrote ") == 4

"""The clinicians' review sheet of the drawings (`make figures`)."""

from __future__ import annotations

import re
from pathlib import Path

from patientsite.figsheet import sheet_html, write_sheet
from patientsite.loader import Content
from tests.conftest import ROOT

TEMPLATES, PAGES = ROOT / "overrides/figures", ROOT / "overrides/content"


def test_the_sheet_shows_every_exercise_with_both_pictures_name_position_and_steps(
    content: Content,
) -> None:
    html = sheet_html(content, "en", TEMPLATES, PAGES)
    sections = html.split('<section class="exercise">')[1:]
    assert len(sections) == len(content.exercises)
    for exercise, section in zip(
        sorted(content.exercises.values(), key=lambda e: e.id), sections, strict=True
    ):
        assert f"({exercise.id})" in section
        assert len(re.findall(r'<img src="data:image/svg\+xml;base64,', section)) == 2
        assert f"Position: {exercise.position}" in section
        assert section.count("<li>") == len(exercise.steps)


def test_make_figures_writes_the_page_and_its_pdf(content: Content, tmp_path: Path) -> None:
    page, pdf = write_sheet(content, "da", TEMPLATES, PAGES, tmp_path)
    assert page.name == "figures-da.html" and '<html lang="da">' in page.read_text("utf-8")
    assert pdf.read_bytes().startswith(b"%PDF")
